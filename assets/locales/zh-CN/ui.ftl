## 关怀阅读窗口：界面上显示的、以及读屏软件念出的每一句话。
##
## 按界面分组（app-、home-、loading-、reader-、settings-、theme-、lang-、
## error-、help-、status-）。程序格式化消息时不带参数，所以这里的消息
## 都不用变量；需要数字的地方（status-text-size），由界面把数字接在后面。
## 属性（.placeholder、.aria-label）到界面里是 "id.属性"。
## 写给老年读者：句子短，说大白话，语气平和。

app-title = 关怀阅读

## 首页

home-title = 关怀阅读
home-intro = 打开网页，用大字清楚地阅读。
home-nav =
    .aria-label = 关怀阅读
home-library = 我的收藏
home-settings = 设置
home-help = 帮助
home-address-label = 网址
home-address =
    .placeholder = 在这里输入或粘贴网址
home-open = 打开
home-clipboard-question = 要打开您刚才复制的网址吗？
home-clipboard-open = 打开这个网址
home-open-file = 打开保存的网页…
home-recent-title = 最近读过
# 下面是一个以文章标题为名字的按钮。
home-continue-question = 接着上次的地方读吗？
home-recent-empty = 您打开过的文章会列在这里。

## 正在打开

loading-title = 正在打开网页…
loading-fetching = 正在从网站下载网页。
loading-extracting = 正在整理文章，马上就好。
loading-hint = 可能要等几秒钟。
loading-home = 不等了，返回

## 我的收藏：保存下来、没有网络也能读的文章

library-back = 返回
library-title = 我的收藏
library-search-label = 在收藏里找文章
library-search =
    .placeholder = 标题或文章里的一个词
library-search-button = 查找
library-all = 收藏的文章
library-results = 找到的文章
library-empty = 还没有收藏的文章。打开一篇文章，按“更多”，再按“保存到收藏”（或者同时按 Ctrl 和 S），文章连同图片就会留在这里，没有网络也能打开。
library-no-results = 没有找到。换一个词试试。
library-remove = 删除
# 后面接被删除的文章标题。
library-removed = 已删除：
library-undo = 撤销
# 后面接保存的日期。
library-kept-on = 保存于
# 读了多少：“读了 1200 字，共 3000 字”。界面把数字放在中间。
library-read-before = 读了
library-read-middle = 字，共
library-read-after = 字
library-not-started = 还没开始读
library-removed-title = 这一周删除的文章
library-removed-hint = 删除的文章会再保留七天，七天后才真正删掉。
library-put-back = 放回收藏

## 阅读

reader-toolbar =
    .aria-label = 阅读工具
reader-back = 返回
reader-text-size =
    .aria-label = 字的大小
reader-smaller = 字小一点
reader-larger = 字大一点
# 字号到了头：按钮直接说出来，而不是按了没反应。
reader-smallest = 已经最小
reader-largest = 已经最大
reader-more = 更多
reader-more-panel =
    .aria-label = 更多工具
# 颜色按钮写出现在用的颜色；按一下换成下一种。
reader-theme-care = 颜色：护眼
reader-theme-dark = 颜色：夜间
reader-theme-contrast = 颜色：高对比
reader-settings = 设置
reader-help = 帮助
reader-keep = 保存到收藏
reader-kept = 已保存到收藏
# 把文章连同图片存成一个文件，可以打印或发给别人。
reader-export = 另存一份，用来打印或发送…
# 重新打开时从上次停下的地方接着读：“上次读到第 5 段，共 21 段。”
reader-stopped-before = 上次读到第
reader-stopped-middle = 段，共
reader-stopped-after = 段。
reader-continue = 接着读
reader-from-start = 从头读
# 读到哪里了，给读屏软件听：“第 3 段，共 12 段”。界面把数字放在几段文字中间。
reader-progress =
    .aria-label = 读到哪里了
reader-progress-before = 第
reader-progress-middle = 段，共
reader-progress-after = 段

## 朗读（阅读页工具栏里的播放器）

# 大按钮：写的是按下去会做什么。
player-listen = 朗读
player-pause = 暂停
# 按下“朗读”以后，听到声音之前。
player-starting = 正在准备…
player-controls =
    .aria-label = 朗读
# 在“不能朗读”的说明旁边。
player-error-help = 怎么解决
player-move =
    .aria-label = 在文章里前后移动
player-previous = 上一句
player-next = 下一句
player-speed =
    .aria-label = 朗读速度
player-slower = 慢一点
player-faster = 快一点
# 写在速度数字后面：“1.25 倍”。
player-rate-unit = 倍
player-rate-label = 语速
player-sentence-mode = 一句一句读

## 设置

settings-title = 设置
settings-back = 返回
settings-text-size = 字的大小
settings-line-height = 行和行的距离
settings-letter-spacing = 字和字的距离
settings-word-spacing = 词和词的距离（英文）
settings-width = 每行的长度
settings-speech = 朗读
settings-speech-rate = 朗读速度
settings-voice-zh = 中文的声音
settings-voice-en = 英文的声音
# 每个声音列表的第一项：让关怀阅读来选。
settings-voice-auto = 自动选择
settings-voices-loading = 正在查找这台电脑上的声音…
settings-sentence-mode = 每读完一句就停下，等我按“朗读”再继续
settings-voice-test = 试听声音
settings-voice-test-playing = 正在试听：
settings-pron = 读音纠正
settings-pron-intro = 如果朗读把人名、地名读错了，可以在这里写下正确的读法。用同音字写（例如 曾 → 增），所有声音都能读；英文词可以写成读音相近的拼写。
settings-pron-empty = 还没有读音纠正。
settings-pron-lang = 词语的语言
settings-pron-lang-zh = 中文
settings-pron-lang-en = 英文
settings-pron-word = 词语（页面上的写法）
settings-pron-say = 读作
settings-pron-try = 试读
settings-pron-add = 添加
settings-pron-import = 从文件导入列表…
settings-pron-remove = 删除
settings-pron-said-as = 读作
settings-pron-added = 已添加读音纠正：
settings-pron-removed = 已删除读音纠正：
settings-pron-imported = 现在列表中的读音纠正条数：
settings-theme = 颜色
settings-library = 我的收藏
settings-picture-article = 每篇文章的图片最多占用
settings-picture-total = 所有收藏图片最多占用
# 跟在兆字节数后面：“20 兆”。
settings-unit-mb = 兆
settings-backup-intro = 备份文件里有你的收藏、每篇文章读到的地方和你的设置。可以存到U盘里，或者带到新电脑上。
settings-backup-export = 保存备份…
settings-backup-import = 恢复备份…
# 后面接一个数字。
settings-backup-saved = 备份已保存，里面的文章篇数：
settings-backup-added = 备份已恢复，新增的文章篇数：
settings-lang = 语言 Language
settings-preview-title = 效果预览
settings-preview-zh = 秋天的早晨，公园里很安静。老人们在湖边散步，树叶慢慢变黄了。
settings-preview-en = On an autumn morning the park is quiet. People walk by the lake, and the leaves slowly turn yellow.
settings-reset = 恢复原来的设置
settings-reset-question = 把字的大小、间距和每行长度都恢复成最开始的样子吗？
settings-reset-yes = 是的，恢复
settings-reset-no = 不用了
settings-reset-done = 字的大小、间距和每行长度已经恢复成原来的样子。
settings-reset-undo = 撤销，换回我刚才的设置
# 跟在滑块数字后面（数字在前：“24 像素”）。
settings-unit-px = 像素
settings-unit-times = 倍
# 间距滑块为零时。
settings-value-normal = 标准
# 每行长度滑块的值，数字（每行的汉字数）夹在两段中间：“每行约 34 字”。
settings-width-before = 每行约
settings-width-after = 字

## 颜色

theme-care = 护眼：米色底，深色字
theme-dark = 夜间：黑色底，白色字
theme-contrast = 高对比：黑色底，黄色字

## 语言（各用自己的语言写）

lang-zh-CN = 中文
lang-en-US = English

## 出错：每一类问题一个标题、一句提示。具体说明来自 errors.ftl
## （error-<代码>），已经是写给读者的话。

error-heading-address = 这个网址打不开
error-hint-address = 网址一般以 https:// 开头，可以从浏览器里复制过来。
error-heading-network = 连不上网站
error-hint-network = 请看看电脑有没有连上网络。
error-heading-http = 网站没有给出这个页面
error-hint-http = 也可以试试用浏览器打开。
error-heading-content = 这不是能显示的网页
error-hint-content = 关怀阅读只能显示网页上的文章。
error-heading-file = 保存的网页打不开
error-hint-file = 请选择一个保存下来的网页，文件名以 .html 结尾。
error-heading-article = 这里没有可以阅读的文章
error-hint-article = 请打开一篇具体的文章，而不是首页或目录。
error-heading-speech = 现在不能朗读
error-hint-speech = 文章仍然可以在屏幕上阅读。
error-heading-generic = 出了点问题
error-hint-generic = 请再试一次。如果一直这样，请关掉关怀阅读再重新打开。
error-retry = 再试一次
error-fix-address = 修改网址
error-choose-file = 换一个文件
error-browser = 用浏览器打开
error-home = 回到首页

## 帮助

help-title = 帮助
help-back = 返回
help-welcome-intro = 欢迎指南是一篇短文章，介绍关怀阅读怎么用。
help-welcome = 打开欢迎指南
help-keys-title = 键盘快捷键
help-intro = 只用键盘也能使用关怀阅读。按 Tab 键可以移到下一个按钮。
help-keys-larger = Ctrl 加 =
help-larger = 字大一点
help-keys-smaller = Ctrl 加 −
help-smaller = 字小一点
help-keys-default = Ctrl 加 0
help-default = 恢复平常的字号
help-keys-address = Ctrl 加 L
help-address = 输入网址
help-keys-keep = Ctrl 加 S
help-keep = 把文章保存到收藏，没有网络也能读
help-keys-back = Esc
help-back-key = 返回
help-keys-help = F1
help-help = 显示这份说明
help-keys-fullscreen = F11
help-fullscreen = 全屏显示，再按一次恢复窗口
help-keys-tab = Tab
help-tab = 移到下一个按钮或链接

help-speech-title = 朗读
help-speech-intro = 打开文章时可以用这些键。用鼠标点某一句，或者在那一句上按回车键，就从那一句开始读。
help-keys-play = 空格键
help-play = 开始朗读或暂停
help-keys-sentence = ← 和 →
help-sentence = 上一句或下一句
help-keys-paragraph = Ctrl 和 ↑ 或 ↓
help-paragraph = 上一段或下一段
help-keys-speed = [ 和 ]
help-speed = 读慢一点或快一点
help-keys-from-here = 回车键
help-from-here = 从选中的那一句开始读

help-no-sound-title = 按了“朗读”却听不到声音
help-no-sound-volume = 看看电脑的声音有没有打开，是不是静音了。
help-no-sound-speaker = 看看音箱或耳机有没有插好、有没有打开。
help-no-sound-service = 朗读要用电脑上的语音服务。在 Linux 上可以请人这样安装：sudo apt install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng
help-no-sound-restart = 然后关掉关怀阅读，再打开，按“朗读”。

## 帮助：给使用读屏软件的人（Orca 等）

help-screen-reader-title = 给使用读屏软件的人
help-screen-reader-names = 每个按钮和输入框都有名称；按 Tab 键会依次走过窗口里所有的按钮，走到最后再回到第一个。
help-screen-reader-pages = 每打开一个页面，窗口就换成这个页面的名称——文章的标题，或者“设置”“帮助”“我的收藏”——读屏软件会把它读出来。然后用读屏软件自己的按键来读文章。
help-screen-reader-errors = 网页打不开的时候，最有用的那个按钮已经替您选好，读屏软件会说出出了什么问题。
help-screen-reader-listen = 按空格键，由关怀阅读自己的声音朗读文章，再按一次暂停。两个声音用的是电脑上同一个语音服务，读屏软件优先：它一说话，我们正在读的句子就停下，过一会儿再从这一句读起；如果它一直在读，我们的声音就暂停，按空格键接着读。关怀阅读不会把正在读的句子交给读屏软件，所以读屏软件不会跟着把同样的文字再读一遍。

## 给读屏软件的状态播报（绝不念文章内容）。
## 界面会在 status-text-size 后面接上数字，例如“字号 28”。

status-opening = 正在打开网页…
status-opened = 文章已经打开。
status-failed = 网页没能打开。
status-text-size = 字号
# 字号不能再大或再小时，接在数字后面说。
status-text-size-largest = 已经是最大了
status-text-size-smallest = 已经是最小了
status-more-open = 更多工具在下面。
status-kept = 已保存到收藏，图片也保存了。
# 后面接因为太大没有保存的图片张数。
status-kept-skipped = 已保存到收藏。有几张图片太大，没有保存，张数：
# 后面接保存的位置。
status-exported = 已另存到：
status-removed = 已从收藏里删除。可以撤销。
status-undone = 已放回收藏。
# “找到 3 篇文章”
status-found-before = 找到
status-found-after = 篇文章
status-settings-reset-question = 要恢复原来的设置吗？请选“是”或“不用了”。
status-settings-undone = 已经换回你刚才的设置。
status-theme-care = 护眼颜色
status-theme-dark = 夜间颜色
status-theme-contrast = 高对比颜色
status-lang = 已换成中文
status-settings-reset = 已恢复原来的设置。

## 首页的新闻（家人选的新闻来源）

home-sources = 新闻来源
news-title = 今日新闻
news-refresh = 获取最新新闻
news-refreshing = 正在获取最新新闻…
# 夹着两个数字：“已读取 3 / 10 个新闻来源”。
news-progress-before = 已读取
news-progress-middle = /
news-progress-after = 个新闻来源
news-done = 新闻已经是最新的了。
# 放在新闻标题的来源和时间后面，表示已经打开过。
news-read = 已读
news-empty = 还没有新闻标题。请按“获取最新新闻”。
news-none = 选几个新闻来源，它们最新的新闻标题每天都会用大字列在这里。
news-choose = 选择新闻来源

## 新闻来源

sources-back = 返回
sources-title = 新闻来源
sources-mine = 已选的来源
sources-none = 还没有来源。可以添加下面推荐的，或者您喜欢的网站。
sources-remove = 删除
sources-add = 添加
sources-added = 已添加
sources-address-label = 添加一个网站或它的新闻订阅（RSS）
sources-address =
    .placeholder = 在这里输入或粘贴网站的网址
sources-address-add = 添加这个来源
sources-adding = 正在查找这个网站的新闻…
sources-suggested = 推荐
sources-suggested-hint = 常见的新闻网站，喜欢哪个就添加哪个。
sources-topic-national = 国内新闻
sources-topic-world = 国际新闻
sources-topic-health = 健康
# 后面接来源的名字。
status-source-added = 已添加来源：
# 后面接来源的名字。
status-source-removed = 已删除来源：

## 家人设置和长辈模式

home-family-setup = 为家人设置
# 长辈模式下的首页：给家人用的唯一出口。
home-unlock = 家人专用
settings-family = 家人专用
settings-family-intro = 为家里的老人一次设置好关怀阅读：新闻来源、字的大小、声音和语速，以及长辈模式。可以在这台电脑上用，也可以存成文件带到老人的电脑上。
settings-family-setup = 家人设置…
unlock-back = 返回
unlock-title = 退出长辈模式
unlock-intro = 长辈模式只显示新闻、阅读和朗读。家人可以在这里关掉它。
unlock-pin-label = 家人设的密码
unlock-button = 退出长辈模式
unlock-key-hint = 没有设密码：同时按住 Ctrl、Shift 和 U 三秒钟。
setup-close = 关闭
setup-title = 家人设置
# 夹着两个数字：“步骤 2 / 6”。
setup-step-before = 步骤
setup-step-middle = /
setup-start-title = 为家人设置关怀阅读
setup-start-intro = 只要几步：老人喜欢的新闻、字的样子、声音，以及要不要用长辈模式。每一项都马上能看到效果。已经有人准备好了设置文件？可以在这里直接采用。
setup-take-file = 从文件采用家人设置…
setup-news-title = 要看的新闻
setup-news-intro = 勾选老人喜欢的新闻。最新的新闻标题会用大字列在首页上。
setup-news-legend = 推荐的新闻
setup-news-more = 其他网站以后可以在“新闻来源”里添加。
setup-look-title = 字的样子
setup-look-intro = 选一个看着舒服的。整个窗口会马上变过来。
setup-size-legend = 字的大小
setup-look-preview = 文章会是这个样子：安静、大字、清楚。
setup-listen-title = 朗读
setup-speed-legend = 朗读的速度
setup-auto-read = 从新闻打开文章时马上朗读，读完接着读下一条新闻
setup-try-voice = 试听声音
setup-simple-title = 长辈模式
setup-simple-intro = 长辈模式只显示新闻、阅读、朗读和字的大小。设置和会删除东西的按钮都藏起来，不会不小心改掉什么。
setup-simple-on = 使用长辈模式
setup-pin-label = 退出长辈模式的密码（4 到 8 位数字，可以不设）
setup-pin-hint = 不设密码时，同时按住 Ctrl、Shift 和 U 三秒钟就能退出长辈模式。
setup-done-title = 设置好了
setup-done-intro = 可以在这台电脑上使用这份设置，也可以存成文件带到老人的电脑上（这台电脑保持不变）。
setup-use-here = 在这台电脑上使用
setup-save-file = 存成文件…
setup-back = 上一步
setup-next = 下一步
setup-done-here = 设置已经用上了。
setup-saved = 设置已经存好了。在老人的电脑上打开关怀阅读，选“家人设置”，再选“从文件采用家人设置”。
setup-taken = 家人设置已经用上了。

## 像听收音机一样：定时停止按钮

radio-sleep-off = 定时：关
# 夹着一个数字：“还有 30 分钟停”。
radio-sleep-after = 还有
radio-sleep-minutes = 分钟停
radio-sleep-at-end = 读完就停
news-read-aloud = 朗读新闻标题
news-read-stop = 停止朗读新闻标题
