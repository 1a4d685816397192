## `care-reader` 命令行。（帮助文字由 clap 提供，保留英文。）

# 程序停止前在标准错误输出的一行。
# Variables:
#   $message (String) - 已本地化的出错提示。
cli-error = 出错了：{ $message }

# --url 的值不是完整的网址。
# Variables:
#   $url (String) - 传给 --url 的值。
cli-invalid-base-url = “{ $url }”不是完整的网址。--url 后面请写以 https:// 或 http:// 开头的网址。

# 结果没能输出或保存。
# Variables:
#   $path (String) - 要写入的位置（"-" 表示标准输出）。
#   $detail (String) - 系统给出的说明。
cli-write-failed = 没能写入“{ $path }”：{ $detail }

## 批量模式（extract --batch LIST）

# 清单文件本身读不出来，什么都没有提取。
# Variables:
#   $path (String) - 清单文件。
#   $detail (String) - 系统给出的说明。
cli-batch-list-unreadable = 读不出批量清单“{ $path }”：{ $detail }

# 清单中某一行不是用制表符分开的三列。
# Variables:
#   $line (Number) - 清单中的行号，从 1 开始。
cli-batch-bad-line = 已跳过批量清单第 { $line } 行：这一行需要用制表符分成三列（HTML 文件、网址、输出文件）。

# 这一行的网址不完整；照常提取页面，只是不用这个网址。
# Variables:
#   $path (String) - 这一行的 HTML 文件。
#   $url (String) - 清单里写的网址。
cli-batch-ignored-url = { $path }：“{ $url }”不是完整的网址，已按没有网址处理（用相对地址的链接和图片可能会缺失）。

# 某个页面失败了，其余的继续处理。
# Variables:
#   $path (String) - 这一行的 HTML 文件。
#   $message (String) - 已本地化的出错提示。
cli-batch-page-failed = { $path }：{ $message }

# 批量处理结束时在标准错误输出。
# Variables:
#   $total (Number) - 处理的行数。
#   $ok (Number) - 成功提取并写入的页面数。
#   $failed (Number) - 失败（或被跳过）的页面数。
cli-batch-summary = 共处理 { $total } 个页面：成功 { $ok } 个，失败 { $failed } 个。

# `care-reader read --voice ID` 给出的声音不存在。
# Variables:
#   $voice (String) - 给出的声音名称。
cli-unknown-voice = 没有名为“{ $voice }”的声音。用 `care-reader voices` 可以列出这台电脑上的声音。
