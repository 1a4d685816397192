# 朗读：除文章外朗读的内容，以及状态播报区域的提示。
# 状态播报从不重复朗读的文字，以免屏幕阅读器与我们的声音同时说话。

## 朗读图片说明之前
speech-image = 图片
speech-caption = 图片说明

## 状态播报
speech-playing = 正在朗读
speech-paused = 已暂停
speech-finished = 已读完
speech-stopped = 已停止朗读
# Variables:
#   $n (Number) - 第几段。
#   $total (Number) - 共几段。
speech-paragraph = 第 { $n } 段，共 { $total } 段
# Variables:
#   $rate (Number) - 语速倍数，例如 1.25。
speech-rate = 语速 { $rate } 倍
speech-sentence-mode-on = 每读完一句暂停
speech-sentence-mode-off = 连续朗读

## 语言名称
speech-lang-zh = 中文
speech-lang-en = 英文

## 定时停止

# Variables:
#   $minutes (Number) - 多少分钟后停止朗读。
speech-sleep-after = { $minutes } 分钟后停止朗读，最后一分钟声音慢慢变小
speech-sleep-at-end = 读完这篇文章就停止，最后几句声音慢慢变小
speech-sleep-off = 已取消定时停止
speech-slept = 定时到了，朗读已停止。读到的位置已经记住了。
