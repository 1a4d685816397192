## 读者看到的出错提示：应用里显示、朗读，命令行里也用。
##
## 每个错误都有一条 `error-<code>` 消息，<code> 是 `reader_errors::ErrorCode`
## 的固定代码，那里是唯一的代码清单；它的测试检查每种语言都有每个代码的消息。
## 写给老年读者：句子要短，语气平和，不用技术词，最后说清楚下一步怎么做。
##
## EMPTY($x) 是我们自己的函数：$x 没有或为空时返回 "true"。

# 关怀阅读自己内部出错（某个任务中断、回复无法生成）：既不是网页的问题，也不是读者的。
error-internal = 关怀阅读内部出了点问题，请再试一次；如果总是这样，请重新打开关怀阅读。

## 网址和文件

# Variables:
#   $address (String) - 读者输入或粘贴的内容，可能为空。
error-invalid-address =
    { EMPTY($address) ->
        [true] 请输入或粘贴一个网页的网址。
       *[false] “{ $address }”不是能打开的网址。请检查网址后再试。
    }

# Variables:
#   $scheme (String) - 网址冒号前面的部分，例如 "ftp"。
error-unsupported-scheme = 这里打不开以“{ $scheme }:”开头的地址。请使用以 https:// 或 http:// 开头的网址。

# Variables:
#   $path (String) - 给出的文件名。
error-file-not-found = 找不到文件“{ $path }”。请检查文件名后再试。

# Variables:
#   $path (String) - 给出的路径；它是一个文件夹或设备。
error-not-a-file = “{ $path }”是一个文件夹，不是文件。请选择一个保存下来的网页（.html 文件）再试。

# Variables:
#   $path (String) - 给出的文件名；从标准输入读取时为 "stdin"。
#   $detail (String) - 系统给出的技术说明，不显示给读者。
#   $writing (String) - 写文件（如导出文章）时失败为 "yes"，读文件时不给出。
error-io =
    { $path ->
        [stdin] 从标准输入读不到页面内容，请再试一次。
       *[other] { $writing ->
            [yes] 文件“{ $path }”没能保存。请确认磁盘还有空间、并且有权限在这个文件夹里保存，然后再试一次。
           *[other] 文件“{ $path }”打不开。请确认文件还在、并且有权限读取，然后再试一次。
        }
    }

## 网络

# 网站的名字查不到（域名解析失败）：多半是网址打错了。
# Variables:
#   $host (String) - 网站的名字，例如 "news.163.com"。
error-host-not-found = 找不到名叫“{ $host }”的网站。请看看网址有没有打错。如果网址没错，请检查电脑有没有连上网络。

# 找到了网站，但它没有接受连接。
# Variables:
#   $host (String) - 网站的名字，例如 "news.163.com"。
error-unreachable = 网站 { $host } 没有回应，可能暂时关闭了或者太忙。请过几分钟再试。

# 这台电脑完全连不上网。
# Variables:
#   $host (String) - 网站的名字，不显示。
error-offline = 这台电脑没有连上网络。请检查网线或无线网络（Wi-Fi），然后再试一次。

# Variables:
#   $host (String) - 网站的名字。
error-tls = 没能和网站 { $host } 建立安全连接。可能是网站的安全证书过期了，也可能是电脑上的时间不对。请稍后再试。

# Variables:
#   $seconds (Number) - 等了多少秒。
error-timeout = 网站太久没有回应（等了 { $seconds } 秒）。请稍后再试。

# Variables:
#   $limit (Number) - 最多跟随几次跳转。
error-too-many-redirects = 这个网址跳转了太多次（超过 { $limit } 次），页面没能打开。请直接使用文章本身的网址再试。

# Variables:
#   $url (String) - 发现循环跳转的网址，不显示。
error-redirect-loop = 这个网址一直在几个地址之间来回跳转，页面没能打开。请稍后再试。

# Variables:
#   $status (Number) - HTTP 状态码：404 或 410。
#   $url (String) - 给出这个答复的网址，不显示。
error-page-not-found =
    { $status ->
        [410] 这个页面已经被网站删除了。请检查网址，或者到网站上找找这篇文章。
       *[other] 网站上找不到这个页面。请看看网址有没有打错。
    }

# Variables:
#   $status (Number) - HTTP 状态码：401 或 403。
#   $url (String) - 给出这个答复的网址，不显示。
error-forbidden =
    { $status ->
        [401] 这个页面要先登录才能看。可以用浏览器打开，在那里登录。
       *[other] 网站不让关怀阅读打开这个页面。可以试试用浏览器打开。
    }

# Variables:
#   $status (Number) - HTTP 状态码：429、408 或 5xx。
#   $url (String) - 给出这个答复的网址，不显示。
error-server-busy =
    { $status ->
        [429] 网站现在访问的人太多。请等几分钟再试。
       *[other] 网站暂时出了故障。请过几分钟再试。
    }

# 其他错误状态。不显示数字：对读者没有意义。
# Variables:
#   $status (Number) - HTTP 状态码，例如 400。
#   $url (String) - 给出这个答复的网址，不显示。
error-http-status = 网站没能提供这个页面。可以试试用浏览器打开，或者检查一下网址。

# Variables:
#   $limit (Number) - 大小上限，单位是 MB，例如 15。
error-too-large = 这个页面太大了（超过 { $limit } MB），这里打不开。可以用浏览器打开。

# Variables:
#   $kind (String) - 是什么东西：picture、pdf、video、audio、archive、
#     document、ebook，其他的都是 file。
error-unsupported-content-type =
    这是{ $kind ->
        [picture] 一张图片
        [pdf] 一份 PDF 文档
        [video] 一段视频
        [audio] 一段录音
        [archive] 一个压缩文件
        [document] 一份办公文档
        [ebook] 一本电子书
       *[other] 一个文件
    }，不是网页，关怀阅读没法显示。可以用浏览器或其他程序打开。

# Variables:
#   $detail (String) - 技术说明，不显示给读者。
error-network = 网络出了问题，页面没能打开。请检查网络是否连通，然后再试一次。

## 阅读页面

# Variables:
#   $title (String) - 页面标题，可能为空。
error-no-article =
    { EMPTY($title) ->
        [true] 这个页面上没有找到可以阅读的文章。它可能是首页、目录页、文件列表或登录页，请打开其中一篇具体的文章。
       *[false] “{ $title }”这个页面上没有找到可以阅读的文章。它可能是首页、目录页、文件列表或登录页，请打开其中一篇具体的文章。
    }

error-empty-page = 这个页面是空的，没有可以阅读的内容。请检查一下网址。

## 保存的设置和文章

error-store-unavailable = 关怀阅读无法在这台电脑上保存您的设置。您可以继续阅读，更改会保留到关闭程序为止。

error-store-reset = 您保存的设置无法读取，关怀阅读已使用新的设置重新开始。旧文件已经保留，以便日后恢复。

error-saving-off = 关怀阅读现在无法在这台电脑上保存内容，可能是磁盘已满，或者文件夹不允许修改。您可以继续阅读和收听，以前保存的内容不会丢失。

error-backup-unreadable = 这个文件不是关怀阅读的备份，或者已经损坏。没有做任何更改，请选择另一个备份文件。

error-backup-too-new = 这个备份是由更新版本的关怀阅读制作的。没有做任何更改，请先更新关怀阅读，再试一次。

## 读音纠正

error-pronunciation-invalid = 需要填写词语和读法，各不超过 100 个字，且只占一行。没有添加。
# Variables:
#   $line (Number) - 文件中损坏的行号（0 表示整个文件）
error-pronunciation-file-unreadable = { $line ->
    [0] 这个文件不是关怀阅读的读音纠正列表，或者已经损坏。您的列表没有改变，请选择另一个文件。
   *[other] 这个文件不是关怀阅读的读音纠正列表，或者已经损坏（第 { $line } 行）。您的列表没有改变，请选择另一个文件。
}

## 新闻来源

error-no-feed = 这个地址没有新闻订阅（RSS），它的网页上也没有写出订阅地址。请检查地址，或向网站询问它的 RSS 地址。

error-feed-unreadable = 这个新闻订阅读不出来：网站发来的内容有损坏。请稍后再试。

error-source-unknown = 没有这个新闻来源，可能已经删除了。

error-sources-file-unreadable = 这个文件不是新闻来源列表（OPML），或者已经损坏。没有做任何更改，请选择另一个文件。

## 家人设置和长辈模式

error-setup-unreadable = 这个文件不是关怀阅读的家人设置，或者已经损坏。没有做任何更改，请选择另一个文件。

error-setup-too-new = 这份家人设置是由更新版本的关怀阅读制作的。没有做任何更改，请先更新关怀阅读，再试一次。

error-pin-invalid = 密码是 4 到 8 位数字，比如 2468。

error-simple-mode-locked = 长辈模式下这一项由家人来改。要改的话，请家人先退出长辈模式（首页上的“家人专用”）。

## 桌面程序

error-not-remembered = 这篇文章已经不在您的列表里了。请通过网址重新打开。

error-browser-unavailable = 这台电脑上无法打开网页浏览器。

## 朗读

# Variables:
#   $platform (String) - 操作系统：linux、windows、macos 或 other。
error-speech-missing = { $platform ->
    [linux] 朗读需要语音服务，但它没有安装或没能启动。可以请家人用这条命令安装：sudo apt install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng，然后重新打开关怀阅读。屏幕上阅读不受影响。
    [windows] 朗读需要 Windows 的语音，但它没能启动。可以请家人在“设置 › 时间和语言 › 语音”中看看有没有列出语音。如果是 Windows 的“N”版本，还需要安装“媒体功能包”（在“设置”中搜索“可选功能”）。然后重新打开关怀阅读。屏幕上阅读不受影响。
    [macos] 朗读需要 Mac 的语音，但它没能启动。请退出关怀阅读再重新打开；如果还不行，可以请家人在“系统设置 › 辅助功能 › 朗读内容”中检查。屏幕上阅读不受影响。
   *[other] 朗读需要语音引擎，但这台电脑上没有可用的。屏幕上阅读不受影响。
}
# Variables:
#   $platform (String) - 操作系统，同上。
#   $language (String) - 语言名称，例如“中文”。
error-speech-no-voice = { $platform ->
    [linux] 这台电脑上没有{ $language }的声音。可以请家人用这条命令添加：sudo apt install espeak-ng speech-dispatcher-espeak-ng
    [windows] 这台电脑上没有{ $language }的声音。可以请家人在“设置 › 时间和语言 › 语音”中，在“管理语音”下选择“添加语音”，再选这种语言。然后重新打开关怀阅读。
    [macos] 这台电脑上没有{ $language }的声音。可以请家人在“系统设置 › 辅助功能 › 朗读内容”中，打开“系统声音”列表，选择“管理声音…”，勾选这种语言的一个声音（中文可选“婷婷”）。然后重新打开关怀阅读。
   *[other] 这台电脑上没有{ $language }的声音。可以在系统的语音设置中添加。
}
error-speech-silent = 朗读没有发出声音，已在这里暂停。请检查声音是否打开、音箱或耳机是否接好，然后再按“朗读”。
error-speech-failed = 朗读时出了问题，已在这里暂停。请再按“朗读”试一次。
