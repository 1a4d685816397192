# The narrator (read aloud): what it says besides the article, and what the
# live region announces. The live region never repeats the spoken text, so a
# screen reader and our voice do not talk over each other.

## Spoken before an image's description and its caption
speech-image = Picture
speech-caption = Caption

## Live region announcements
speech-playing = Reading aloud
speech-paused = Paused
speech-finished = Finished reading
speech-stopped = Stopped reading
# Variables:
#   $n (Number) - the paragraph's number.
#   $total (Number) - how many paragraphs the article has.
speech-paragraph = Paragraph { $n } of { $total }
# Variables:
#   $rate (Number) - the speed as a multiple, e.g. 1.25.
speech-rate = Speed { $rate } ×
speech-sentence-mode-on = Pausing after each sentence
speech-sentence-mode-off = Reading on without pausing

## Language names, for the voice choice and the no-voice message
speech-lang-zh = Chinese
speech-lang-en = English

## The sleep timer

# Variables:
#   $minutes (Number) - minutes until reading stops.
speech-sleep-after = Reading stops in { $minutes } minutes, getting quieter over the last minute
speech-sleep-at-end = Reading stops at the end of this article, getting quieter over the last sentences
speech-sleep-off = Sleep timer off
speech-slept = Reading stopped by the sleep timer. Your place is kept.
