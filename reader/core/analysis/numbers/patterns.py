"""Regular expressions behind :mod:`reader.core.analysis.numbers`, one per kind of expression.

The fragments are plain strings assembled once at import; the compiled patterns are listed in
:data:`PATTERNS` with the label each one gives. Overlaps between them are resolved by the caller
(longest match wins), so a pattern may freely match a sub-part of what another one matches.
Word numbers are matched case-insensitively (a sentence may begin with "Three"), month and day
names case-sensitively ("May" the month is capitalised, "may" the verb is not).
"""

from __future__ import annotations

import re

from reader.core.results import NumberLabel

# --- numbers ---------------------------------------------------------------------------------

_UNITS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    "|sixteen|seventeen|eighteen|nineteen"
)
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SCALE = "hundred|thousand|million|billion|trillion"
_WORD = rf"(?:(?:{_TENS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?|{_UNITS})\b"
# "three", "twenty-one", "two hundred and fifty", "three and a half", "a million", "a dozen".
WORD_NUMBER = (
    rf"(?i:\b(?:{_WORD}(?:[- ](?:{_WORD}|dozen)\b|[- ](?:{_SCALE})\b(?: and {_WORD}\b)?)*"
    rf"(?: and a half\b)?|an? (?:{_SCALE}|dozen)\b(?: and (?:a half|{_WORD})\b)?))"
)
# Digits with thousands separators and decimals; not glued to a letter or another number.
DIGITS = r"(?<![\w.,/])(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?!\.\d)"
_SCALE_AFTER_DIGITS = rf"(?:[ -]?(?i:{_SCALE})\b)"
NUMBER = rf"(?:{DIGITS}{_SCALE_AFTER_DIGITS}?|{WORD_NUMBER}(?: (?i:{_SCALE})\b)*)"
_RANGE_JOIN = r"(?: ?(?:-|–|—|to|and) ?)"
NUMBER_RANGE = rf"{NUMBER}(?:{_RANGE_JOIN}{NUMBER})?"

# --- money -----------------------------------------------------------------------------------

_CURRENCY_SYMBOL = r"(?:(?:US|U\.S\.|C|A|AU|NZ|HK|S|NT|R|Mex)\$|Rs\.?|[$€£¥₹₩₽₦])"
_CURRENCY_CODE = (
    r"(?:USD|EUR|GBP|JPY|CNY|RMB|CHF|CAD|AUD|NZD|HKD|SGD|INR|ISK|NOK|DKK|SEK|KRW|BRL|ZAR"
    r"|MXN|RUB|TRY|NGN|KES|PLN)"
)
_CURRENCY_WORD = (
    r"(?:dollars?|euros?|pounds? sterling|pounds|pence|cents?|yen|yuan|renminbi|rupees?"
    r"|kroner|kronor|kron[ae]|francs?|pesos?|rand|won|shekels?|dirhams?|riyals?|naira|shillings?"
    r"|roubles?|rubles?|reais|reals?|lira|lire|zloty|baht|ringgit|rupiah|dinars?|kwacha|cedis?"
    r"|birr|bitcoins?)"
)
_SHORT_SCALE = r"(?:bn|mn|m|k|tn|trn|b)(?![\w])"
_AMOUNT = rf"{DIGITS}(?:{_RANGE_JOIN}{DIGITS})?(?:{_SCALE_AFTER_DIGITS}|{_SHORT_SCALE})?"
MONEY = (
    rf"{_CURRENCY_SYMBOL} ?{_AMOUNT}"
    rf"|\b{_CURRENCY_CODE} ?{_AMOUNT}"
    rf"|{_AMOUNT} ?{_CURRENCY_CODE}\b"
    rf"|{DIGITS}p\b"  # pence: "212p"
    # "250m Danish kroner", "2 million euros", "42 cents", "five million dollars".
    rf"|(?:{DIGITS}(?:{_RANGE_JOIN}{DIGITS})?(?:{_SCALE_AFTER_DIGITS}|{_SHORT_SCALE})?"
    rf"|{WORD_NUMBER}(?: (?i:{_SCALE}))*) (?:[A-Z][a-z]+ ){{0,2}}(?i:{_CURRENCY_WORD})\b"
)

# --- percent ---------------------------------------------------------------------------------

PERCENT = (
    rf"{NUMBER_RANGE} ?(?:%|(?i:per ?cent|percent|percentage points?|basis points?|bps)\b)"
    rf"|{DIGITS}%(?: ?(?:-|–|to) ?{DIGITS}%)?"
)

# --- quantity --------------------------------------------------------------------------------

_UNIT_WORDS = (
    r"(?:nautical miles?|square (?:kilomet(?:re|er)s|miles|met(?:re|er)s|feet)|cubic (?:met(?:re|er)s"
    r"|feet)|(?:kilo|centi|milli)?met(?:re|er)s?|miles?|feet|foot|inch(?:es)?|yards?|knots?"
    r"|(?:kilo|milli)?grams?|tonnes?|tons?|ounces?|(?:milli)?lit(?:re|er)s?|gallons?|barrels?"
    r"|acres?|hectares?|degrees?(?: (?:Celsius|Fahrenheit|C|F))?|(?:kilo|mega|giga|tera)?watts?"
    r"(?:[- ]hours?)?|volts?|joules?|(?:kilo)?calories?|(?:kilo|mega|giga|tera)?bytes?"
    r"|decibels?|(?:mega|giga)?hertz|light[- ]years?|newtons?|pascals?|carats?|magnitude)"
)
_UNIT_SYMBOLS = (
    r"(?:km/h|km²|m²|m³|km|cm|mm|m|mph|kph|kg|mg|g|lbs?|oz|ml|l|ha|°[CF]?|kWh|MWh|GWh|TWh|kW|MW"
    r"|GW|TW|W|kV|kcal|KB|MB|GB|TB|Mbps|Gbps|dB|Hz|MHz|GHz|psi|ft|mi)"
)
_COMPOUND_UNITS = (
    r"(?:day|week|month|year|decade|century|hour|minute|second|night|page|mile|kilomet(?:re|er)"
    r"|km|met(?:re|er)|m|foot|feet|inch|yard|storey|story|floor|point|person|man|woman|member"
    r"|seat|game|match|nation|country|party|team|lane|bed|room|acre|hectare|tonne|ton|pound"
    r"|kilogram|kg|gram|lit(?:re|er)|gallon|barrel|megawatt|gigawatt|kilowatt|watt|MW|GW|kW|volt"
    r"|degree|percent|magnitude|fold|time|car|piece|part|step|stage|round|set|hole|lap|inning"
    r"|run|goal|shot|vote|strong|digit|figure|strike|mph|knot|candidate|state|city|stop|leg"
    r"|episode|issue|volume|course|seater|star|dimensional|pronged|sided)"
)
_HYPHEN_NUMBER = rf"(?:\d+(?:\.\d+)?|{_WORD}(?:-{_WORD})*|half)"
QUANTITY = (
    # One number, then whichever unit follows (factored: the number is parsed once).
    rf"{NUMBER_RANGE}(?:[ -]?(?i:{_UNIT_WORDS})(?![\w-])|[ ]?{_UNIT_SYMBOLS}(?![\w°²³/])"
    rf"|(?<=\d) ?°? ?[CF](?![\w°])| (?i:times)\b)"
    rf"|(?i:\bmagnitude[- ]){DIGITS}"
    rf"|(?i:\b{_HYPHEN_NUMBER}-{_COMPOUND_UNITS}(?:-(?:old|long|wide|high|deep|tall|\d+))?)(?![\w-])"
    rf"|(?i:\ban? (?:kilomet(?:re|er)|mile|met(?:re|er)|foot|yard|tonne|ton|lit(?:re|er)|gallon"
    rf"|acre|hectare|kilogram|pound|ounce)\b)"
    rf"|(?i:\b(?:\d+|{_WORD})-(?!(?:{_UNITS}|{_TENS}|thirds?|quarters?|halves|fifths?|pointers?|off"
    rf"|way|sided|stop|liners?|size|and|or|to|on|in|for|by|of)\b)[a-z]{{3,}})(?![\w-])"
    rf"|(?i:\b(?:twice|thrice|(?:{_UNITS}|{_TENS}|hundred|thousand)fold|\d+fold|(?:a )?\d+-fold)\b)"
)

# --- time ------------------------------------------------------------------------------------

_ZONE = (
    r"(?: (?:local time|(?:Eastern|Pacific|Central|Mountain|Atlantic|British|local|Moscow"
    r"|Beijing|Tokyo|Greenwich)(?: (?:Standard |Daylight |Summer |Mean )?[Tt]ime)?"
    r"|GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|CST|CDT|MST|MDT|ET|PT|CT|MT|IST|JST)\b)?"
)
_PERIOD = r"(?:morning|afternoon|evening|night|dawn|dusk|midday)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
TIME = (
    rf"\b\d{{1,2}}(?:[:.][0-5]\d)? ?(?:[ap]\.m\.|[ap]\.m\b|[AaPp][Mm]\b){_ZONE}"
    rf"|\b(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?![\d:]){_ZONE}"
    r"|(?i:\b(?:noon|midnight|midday|tonight)\b)"
    rf"|(?i:\b(?:this|last|that|tomorrow|yesterday|early|late|(?:the )?(?:next|following|previous)))"
    rf" {_PERIOD}\b"
    rf"|\b{_WEEKDAY}(?:'s)? (?:(?i:early|late) )?{_PERIOD}\b"
    rf"|(?i:\bthe (?:early|late) hours)(?: of (?:{_WEEKDAY}|the morning))?"
    rf"|{NUMBER} (?i:hours?|minutes?|seconds?|hrs?|mins?)\b(?: and a half)?"
    r"|(?i:\b(?:half )?an? (?:hour|minute)\b(?: and a half)?)"
)

# --- dates -----------------------------------------------------------------------------------

_MONTH_FULL = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTH = (
    rf"(?:(?:{_MONTH_FULL})\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b(?= \d)))"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?\b"
YEAR = r"(?<![\w$€£¥.,/-])(?:1[5-9]|20)\d\d(?![\w%]|[.,]\d)"
_DAY_RANGE = rf"(?: ?(?:-|–|to|and|through) ?(?:{_MONTH} )?{_DAY}(?![:.]\d))?"
_UNIT_OF_TIME = (
    r"(?:days?|weeks?|months?|quarters?|years?|decades?|centur(?:y|ies)|fortnights?|seasons?)"
)
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_RELATIVE = (
    r"(?:year|month|week|quarter|season|decade|century|weekend|spring|summer|autumn|fall|winter"
    r"|term|semester|half|fiscal year)"
)
DATE = (
    # "December 23 to 27", "Jan. 1, 2029", "Friday, March 14".
    rf"(?:{_WEEKDAY},? )?{_MONTH} {_DAY}{_DAY_RANGE}(?:,? {YEAR})?"
    # "23–27 December", "the 5th of May 2024".
    rf"|(?:{_WEEKDAY},? )?(?:the )?{_DAY}{_DAY_RANGE} (?:of )?{_MONTH}(?:,? {YEAR})?"
    # "September 2022", "March to May 2024", bare months (May only with a year).
    rf"|(?:{_MONTH_FULL}) (?:(?:to|-|–|and) (?:{_MONTH_FULL}),? )?{YEAR}"
    r"|\b(?:January|February|March|April|June|July|August|September|October|November|December)\b"
    rf"|\b{_WEEKDAY}s?\b|(?i:\b(?:weekdays|weekends)\b)"
    r"|(?i:\b(?:quarter|year|month)-end\b)"
    r"|(?i:(?:the )?(?:same|previous|prior|following|fiscal) (?:year|quarter)\b"
    r"|the (?:full|whole) (?:year|quarter)\b"
    r"|the (?:year|quarter|month|week) (?:before|after|earlier|ago)\b"
    r"|the (?:quarter|summer|winter|spring|autumn)\b)"
    # Years, year ranges, decades: "2024", "2023-24", "2019 to 2023", "the 1990s", "'90s".
    rf"|(?:(?i:fiscal|fiscal year) )?{YEAR}(?:(?:-|–|/)(?:{YEAR}|\d\d(?!\d))|(?: to | and ){YEAR})?"
    r"|(?:(?i:the) )?(?<![\w$€£])(?:1[5-9]|20)\d0s\b|(?:(?i:the) )?['’]\d0s\b"
    r"|(?i:the) (?:\d{1,2}(?:st|nd|rd|th)|(?i:[a-z]+(?:teenth|tieth|first|second|third|fifth"
    r"|eighth|ninth|tenth)))[ -]century"
    # "mid-2025", "early 2024", "late March", "the end of March", "the first half of 2025".
    rf"|(?i:mid|early|late)-(?:(?:1[5-9]|20)\d\d\b|(?:{_MONTH_FULL})|(?:\d\d)?\d0s)"
    rf"|(?i:early|late|mid) (?:{YEAR}|(?:{_MONTH_FULL})(?: {YEAR})?)"
    rf"|(?i:the (?:end|start|beginning|middle|rest|close|turn) of) (?:{_MONTH_FULL}|{YEAR}"
    r"|(?i:the (?:year|month|week|decade|century|season|quarter)))"
    # Quarters and halves: "the first quarter", "third-quarter", "Q3", "H1 2024", "fiscal 2025".
    rf"|(?:(?i:the) )?(?i:first|second|third|fourth|1st|2nd|3rd|4th)[ -](?i:quarter|half)"
    rf"(?: of (?:{YEAR}|(?i:the year)|fiscal {YEAR}))?"
    rf"|\b[QH][1-4](?: {YEAR})?\b|\bFY ?(?:\d\d){{1,2}}\b"
    # Relative dates.
    r"|(?i:\b(?:yesterday|today|tomorrow)\b)"
    rf"|(?i:(?:the )?\b(?:last|next|this|previous|past|coming|following|same|current) {_RELATIVE}\b)"
    rf"|(?i:(?:the )?\b(?:last|next|past|previous|coming|first|final) )(?:{NUMBER}|(?i:few|several)) "
    rf"(?i:{_UNIT_OF_TIME})\b"
    rf"|(?i:\b(?:earlier|later) (?:this|that|next|last) {_RELATIVE})\b"
    rf"|(?i:\brecent {_UNIT_OF_TIME}\b|\bthe weekend\b)"
    rf"|(?:{NUMBER}|(?i:\ban?\b|several|a few)) (?i:{_UNIT_OF_TIME})(?: (?i:ago|earlier|later))\b"
    rf"|(?i:(?:the )?{_SEASON}) (?:of )?{YEAR}"
    # Durations of a day or longer: "five days", "three years", "a decade".
    rf"|{NUMBER} (?i:{_UNIT_OF_TIME})\b"
    r"|(?i:\ba (?:decade|century|fortnight)\b)"
)

# --- ordinals and plain numbers ----------------------------------------------------------------

_ORDINAL_WORD = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth|thousandth"
    r"|millionth"
)
ORDINAL = (
    rf"(?i:\b(?:(?:{_TENS})-)?(?:{_ORDINAL_WORD})\b)(?!-(?:quarter|half)\b)"
    r"|(?<![\w.,])\d+(?:st|nd|rd|th)\b"
)
_FRACTION = r"(?:halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)"
CARDINAL = (
    rf"(?i:\b(?:one|\d+) in (?:every )?(?:{_UNITS}|\d+)\b)"
    rf"|(?i:\b(?:{_WORD}|a|an)-(?:{_FRACTION})\b|\b(?:{_WORD}|a|an) (?:{_FRACTION})(?= of\b|[.,;:!?)]|$))"
    r"|(?<![\w.,-])\d{1,3}-for-\d{1,3}\b"  # shooting "14-for-23"
    r"|(?<![\w.,-])\d{1,3} ?[-–] ?\d{1,3}(?![\w.,]|[-–]\d)"  # scores "3-1", "112-104"
    r"|\bNo\. ?\d+\b"
    r"|(?i:\b(?:(?:tens|hundreds) of (?:thousands|millions|billions)|dozens|hundreds|thousands"
    r"|millions|billions)\b)"
    rf"|{NUMBER}(?: ?(?:-|–|to) ?{NUMBER})?"
    r"|(?i:(?:(?<=about )|(?<=almost )|(?<=nearly )|(?<=roughly )|(?<=around )|(?<=more than )"
    r"|(?<=less than )|(?<=over )|(?<=under ))half\b)"
)

# Tried in this order at each anchor; for equally long matches the first label listed wins.
PATTERNS: tuple[tuple[NumberLabel, re.Pattern[str]], ...] = tuple(
    (label, re.compile(source))
    for label, source in (
        (NumberLabel.MONEY, MONEY),
        (NumberLabel.PERCENT, PERCENT),
        (NumberLabel.TIME, TIME),
        (NumberLabel.DATE, DATE),
        (NumberLabel.QUANTITY, QUANTITY),
        (NumberLabel.ORDINAL, ORDINAL),
        (NumberLabel.CARDINAL, CARDINAL),
    )
)

# Words after a number in digits that may make it more than a count (a unit, a currency, a
# range); after any other word it is a CARDINAL or a year. Kept in step with the patterns above.
TAIL_WORDS: tuple[str, ...] = (
    _SCALE,
    _UNIT_WORDS,
    _UNIT_SYMBOLS,
    _CURRENCY_WORD,
    _UNIT_OF_TIME,
    r"per|percent|percentage|basis|bps|times|fold|hours?|minutes?|seconds?|hrs?|mins?|am|pm|a\.m|p\.m"
    r"|to|and|through|in|of|bn|mn|tn|trn|b|k|st|nd|rd|th",
)

# Comparators and approximators that belong inside the span before a number.
APPROXIMATOR = re.compile(
    r"(?i:\b(?:(?:more|less|fewer) than|just (?:over|under)|well (?:over|under|above|below)"
    r"|a little (?:over|under|more than|less than)|as (?:many|much|few|little) as|up to"
    r"|at least|at most|close to|an estimated|upwards of|in excess of|over|under|about|around"
    r"|roughly|approximately|nearly|almost|some)) $"
)
# Where digits are not numbers: web and e-mail addresses, and phone numbers.
ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE = re.compile(
    r"\d{2,4}\)?[ -]\d{3}[ -]\d{3,4}\b|\d{3}-\d{4}\b|(?<=\+)\d{1,3}(?:[ ()-]{1,2}\d{2,5}){2,}\b"
)
