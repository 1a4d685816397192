# 桌面程序外壳自己排版的文字（界面文字在 ui.ftl 里）。

## 文章标题下面的一行

# Variables:
#   $minutes (Number) - 估计阅读时间，单位分钟。
app-reading-time = 约 { $minutes } 分钟读完

# Variables:
#   $year (Number) - 发布年份。
#   $month (Number) - 月份，1 到 12。
#   $day (Number) - 日期。
app-date = { $year }年{ $month }月{ $day }日

# 分隔标题下一行的各部分（来源、日期、阅读时间）。
app-meta-separator = {" · "}

## 窗口标题：窗口显示的内容；标题一变，读屏软件就会读出来

app-window-title-home = 关怀阅读
# Variables:
#   $page (String) - 文章标题，或正在显示的页面名称。
app-window-title = { $page } · 关怀阅读

## 打开文件的对话框

app-dialog-open-title = 打开保存的网页
app-dialog-filter-pages = 网页文件

## 备份对话框（导出和导入文章库）

app-dialog-export-title = 把文章库备份到文件
app-dialog-import-title = 从备份文件恢复文章库
app-dialog-filter-backup = 关怀阅读备份文件
app-dialog-import-pronunciations-title = 导入读音纠正列表
app-dialog-filter-pronunciations = 读音纠正列表（文本文件）

## 导出单篇文章（打印或分享）

# 导出文件顶部、原文网址前的说明。
app-export-source = 原文：

app-dialog-export-article-title = 把这篇文章存成文件，方便打印或分享
app-dialog-filter-html = 网页文件（HTML）
app-dialog-filter-markdown = Markdown 文本

## 首页的新闻（家人选的新闻来源）

# 今天的新闻标题的时间。
# Variables:
#   $time (String) - 时和分，09:05。
home-time-today = 今天 { $time }
# Variables:
#   $time (String) - 时和分，23:30。
home-time-yesterday = 昨天 { $time }
# 更早的新闻标题的日期。
# Variables:
#   $month (Number) - 月，1 到 12。
#   $day (Number) - 日。
home-time-date = { $month }月{ $day }日

# 上次刷新时读不出来的来源，仍然显示它以前的新闻标题。
# Variables:
#   $source (String) - 来源的名字。
#   $reason (String) - 原因（错误说明）。
home-source-failed-kept = “{ $source }”刚才读不出来。{ $reason }下面是它以前的新闻标题。
# 同上，但这个来源还没有新闻标题。
# Variables:
#   $source (String) - 来源的名字。
#   $reason (String) - 原因（错误说明）。
home-source-failed = “{ $source }”刚才读不出来。{ $reason }

## 退出长辈模式

unlock-done = 已退出长辈模式，所有设置都回来了。
unlock-wrong = 密码不对，请再试一次。
# Variables:
#   $seconds (Number) - 要等的秒数。
unlock-wait = 请等 { $seconds } 秒，再输入密码。
unlock-needs-pin = 退出长辈模式需要输入家人设的密码。

## 家人设置文件的对话框

app-dialog-setup-export-title = 保存家人设置
app-dialog-setup-import-title = 采用一份家人设置
app-dialog-filter-setup = 关怀阅读家人设置

## 像听收音机一样

# 在下一条新闻的标题前说。
radio-next = 下一条：
# 朗读新闻标题时先说的话。
radio-headlines-title = 今日新闻
# 连续朗读读完首页上最后一条新闻、停下来时说。
radio-end = 新闻都读完了。想听更多，请在首页点“获取最新新闻”。
