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

## 文章库（care-reader library ...）：和程序里收藏的是同一批文章

# --store 给出的文件不是关怀阅读的存储文件。
# Variables:
#   $path (String) - --store 的值。
#   $name (String) - 存储文件的文件名 care-reader.sqlite3。
cli-store-name = “{ $path }”不是关怀阅读的存储文件。请给 --store 指定名为 { $name } 的文件，或者它所在的文件夹。

# `library list` 时还没有收藏任何文章（输出到标准错误）。
cli-library-empty = 还没有收藏文章。可以用 `care-reader library save 网址` 收藏，也可以在程序里点“收藏以便离线阅读”。

# `library search` 没有找到（输出到标准错误）。
# Variables:
#   $query (String) - 搜索的词。
cli-library-no-results = 收藏的文章里没有找到“{ $query }”。

# `library save` 收藏了一篇文章。
# Variables:
#   $id (Number) - 文章在文章库里的编号。
#   $title (String) - 标题。
#   $pictures (Number) - 为离线阅读保存的图片数。
#   $skipped (Number) - 没有保存的图片数（超过设置里的大小限制，或者取不到）。
cli-library-saved = 已收藏 { $id }：“{ $title }”，保存了 { $pictures } 张图片{ $skipped ->
        [0] 。
       *[other] （另有 { $skipped } 张没有保存：超过了设置里的大小限制，或者取不到）。
    }

# `library remove` 移除了一篇文章。
# Variables:
#   $id (Number) - 文章编号。
#   $title (String) - 标题。
#   $days (Number) - 可以恢复的天数。
cli-library-removed = 已移除 { $id }：“{ $title }”。{ $days } 天内可以在程序里恢复。

# `library export` 写好了备份。
# Variables:
#   $count (Number) - 备份里的文章数。
#   $path (String) - 备份文件。
cli-library-exported = 已把 { $count } 篇文章备份到“{ $path }”。

# `library import` 合并了一个备份。
# Variables:
#   $added (Number) - 新加入的文章数。
#   $kept (Number) - 原来就有、现在按备份改为收藏的文章数。
#   $positions (Number) - 因为更新而采用的阅读位置数。
cli-library-imported = 新加入 { $added } 篇文章，另有 { $kept } 篇改为收藏，采用了 { $positions } 个更新的阅读位置。这里原有的内容都没有被覆盖。

# 导入时采用了备份里的设置（这台电脑上原来没有保存设置）。
cli-library-imported-settings = 这台电脑上原来没有保存设置，已采用备份里的设置。

# `library export-article` 把一篇文章写进了文件。
# Variables:
#   $path (String) - 写好的文件。
#   $pictures (Number) - 文件里（Markdown 为旁边文件夹里）的图片数。
#   $missing (Number) - 没有放进去的图片数：没有保存，现在也取不到。
cli-library-article-exported = 已把文章保存到“{ $path }”，含 { $pictures } 张图片{ $missing ->
        [0] 。
       *[other] ；另有 { $missing } 张图片取不到，没有放进去（图片说明保留了）。
    }

## `sources`：首页显示的新闻来源。

# Variables:
#   $id (Number) - 来源的编号。
#   $title (String) - 来源的名字。
#   $headlines (Number) - 取回的新闻标题数。
cli-sources-added = 已添加 { $id }：“{ $title }”，有 { $headlines } 条新闻标题。

# `sources list` 没有来源（输出到标准错误）。
cli-sources-empty = 还没有新闻来源。可以用 `care-reader sources add 网址`（网站或它的 RSS 地址）添加，也可以在程序的设置向导里添加。

# Variables:
#   $id (Number) - 来源的编号。
#   $title (String) - 来源的名字。
cli-sources-removed = 已删除 { $id }：“{ $title }”，以及它的新闻标题。

# 刷新时（输出到标准错误）。
# Variables:
#   $done (Number) - 已读取的来源数。
#   $total (Number) - 来源总数。
cli-sources-progress = 已读取 { $done } / { $total } 个来源……

# 刷新时读不出来的来源（输出到标准错误）；$reason 是错误说明。
# Variables:
#   $title (String) - 来源的名字。
#   $reason (String) - 错误说明。
cli-sources-failed = “{ $title }”读不出来：{ $reason }

# Variables:
#   $ok (Number) - 读取成功的来源数。
#   $failed (Number) - 读不出来的来源数。
#   $ahead (Number) - 预先取回的文章数。
cli-sources-refreshed = 读取了 { $ok } 个来源，{ $failed } 个读不出来；预先取回了 { $ahead } 篇文章，可以离线阅读。

# Variables:
#   $added (Number) - 添加的来源数。
cli-sources-imported = 添加了 { $added } 个来源。它们的新闻标题会在下次刷新时取回。

# Variables:
#   $count (Number) - 写入的来源数。
#   $path (String) - 文件。
cli-sources-exported = 已把 { $count } 个来源写入“{ $path }”。

# 导出的 OPML 文件里的标题。
sources-list-title = 关怀阅读的新闻来源

## `profile`：家人设置文件。

# Variables:
#   $path (String) - 写入的文件。
cli-profile-exported = 已把家人设置写入“{ $path }”。
# Variables:
#   $sources (Number) - 设置里的新闻来源数。
#   $words (Number) - 设置里的读音纠正数。
cli-profile-imported = 已采用这份家人设置：其中的设置、{ $sources } 个新闻来源和 { $words } 条读音纠正。
