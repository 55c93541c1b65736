"""The words the drafter reads: numbers, ordinals, months, titles, demonyms and capitals.

Kept as plain tables, not a language model: a draft must be the same on every machine and
never download anything. A table is also what an editor can read and extend.
"""

from __future__ import annotations

NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "inaugural": 1,
}  # fmt: skip

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Country -> (demonym, capital). Used only to read "Japanese" or "Tokyo" as the country's
# government; the country itself is linked through the knowledge base (or a new entity).
COUNTRIES = {
    "Algeria": ("Algerian", "Algiers"),
    "Angola": ("Angolan", "Luanda"),
    "Argentina": ("Argentine", "Buenos Aires"),
    "Bangladesh": ("Bangladeshi", "Dhaka"),
    "Bolivia": ("Bolivian", "La Paz"),
    "Colombia": ("Colombian", "Bogotá"),
    "Croatia": ("Croatian", "Zagreb"),
    "Czech Republic": ("Czech", "Prague"),
    "Ghana": ("Ghanaian", "Accra"),
    "Hungary": ("Hungarian", "Budapest"),
    "Iraq": ("Iraqi", "Baghdad"),
    "Kuwait": ("Kuwaiti", "Kuwait City"),
    "Malaysia": ("Malaysian", "Kuala Lumpur"),
    "Morocco": ("Moroccan", "Rabat"),
    "Mozambique": ("Mozambican", "Maputo"),
    "Paraguay": ("Paraguayan", "Asunción"),
    "Peru": ("Peruvian", "Lima"),
    "Qatar": ("Qatari", "Doha"),
    "Romania": ("Romanian", "Bucharest"),
    "Senegal": ("Senegalese", "Dakar"),
    "Serbia": ("Serbian", "Belgrade"),
    "Singapore": ("Singaporean", "Singapore"),
    "Sri Lanka": ("Sri Lankan", "Colombo"),
    "Venezuela": ("Venezuelan", "Caracas"),
    "Australia": ("Australian", "Canberra"),
    "Austria": ("Austrian", "Vienna"),
    "Belgium": ("Belgian", "Brussels"),
    "Brazil": ("Brazilian", "Brasília"),
    "Canada": ("Canadian", "Ottawa"),
    "Chile": ("Chilean", "Santiago"),
    "China": ("Chinese", "Beijing"),
    "Denmark": ("Danish", "Copenhagen"),
    "Egypt": ("Egyptian", "Cairo"),
    "Ethiopia": ("Ethiopian", "Addis Ababa"),
    "Finland": ("Finnish", "Helsinki"),
    "France": ("French", "Paris"),
    "Germany": ("German", "Berlin"),
    "Greece": ("Greek", "Athens"),
    "India": ("Indian", "New Delhi"),
    "Indonesia": ("Indonesian", "Jakarta"),
    "Iran": ("Iranian", "Tehran"),
    "Ireland": ("Irish", "Dublin"),
    "Israel": ("Israeli", "Jerusalem"),
    "Italy": ("Italian", "Rome"),
    "Japan": ("Japanese", "Tokyo"),
    "Kenya": ("Kenyan", "Nairobi"),
    "Mexico": ("Mexican", "Mexico City"),
    "Netherlands": ("Dutch", "Amsterdam"),
    "New Zealand": ("New Zealand", "Wellington"),
    "Nigeria": ("Nigerian", "Abuja"),
    "Norway": ("Norwegian", "Oslo"),
    "Pakistan": ("Pakistani", "Islamabad"),
    "Philippines": ("Philippine", "Manila"),
    "Poland": ("Polish", "Warsaw"),
    "Portugal": ("Portuguese", "Lisbon"),
    "Russia": ("Russian", "Moscow"),
    "Saudi Arabia": ("Saudi", "Riyadh"),
    "South Africa": ("South African", "Pretoria"),
    "South Korea": ("South Korean", "Seoul"),
    "Spain": ("Spanish", "Madrid"),
    "Sweden": ("Swedish", "Stockholm"),
    "Switzerland": ("Swiss", "Bern"),
    "Taiwan": ("Taiwanese", "Taipei"),
    "Thailand": ("Thai", "Bangkok"),
    "Turkey": ("Turkish", "Ankara"),
    "Ukraine": ("Ukrainian", "Kyiv"),
    "United Arab Emirates": ("Emirati", "Abu Dhabi"),
    "United Kingdom": ("British", "London"),
    "United States": ("American", "Washington"),
    "Uruguay": ("Uruguayan", "Montevideo"),
    "Vietnam": ("Vietnamese", "Hanoi"),
}

# A title as written (lower case) -> the words an office's name in the KB may use for it.
TITLES = {
    "prime minister": ("prime minister",),
    "president": ("president",),
    "vice president": ("vice president",),
    "chancellor": ("chancellor",),
    "foreign minister": ("foreign affairs", "foreign minister", "external affairs"),
    "external affairs minister": ("external affairs", "foreign affairs"),
    "defense minister": ("defense", "defence"),
    "defence minister": ("defence", "defense"),
    "finance minister": ("finance",),
    "interior minister": ("interior", "home affairs"),
    "trade minister": ("trade",),
    "foreign secretary": ("foreign secretary", "foreign affairs"),
    "secretary of state": ("secretary of state",),
    "king": ("king",),
    "queen": ("queen",),
    "chief executive": ("chief executive",),
    "chairman": ("chair",),
    "chairwoman": ("chair",),
    "chair": ("chair",),
    "chief executive officer": ("chief executive",),
    "chief financial officer": ("chief financial officer", "finance"),
    "ceo": ("chief executive",),
    "mayor": ("mayor",),
    "governor": ("governor",),
    "secretary-general": ("secretary-general",),
    "captain": ("captain",),
    "coach": ("coach",),
    "head coach": ("coach",),
    "manager": ("manager",),
}

# Titles of a company's officers: without a country, they are the company's offices.
CORPORATE = frozenset(
    {"chief executive", "chief executive officer", "ceo", "chairman", "chairwoman", "chair",
     "chief financial officer", "manager", "coach", "head coach", "captain"}
)  # fmt: skip

# Words that make a sentence an opinion or an analysis, which gives no claim.
OPINION = (
    "highlights",
    "underscores",
    "underlines",
    "signals",
    "reflects",
    "shows the",
    "demonstrates",
    "is seen as",
    "is widely seen",
    "appears to",
    "seems",
    "arguably",
    "clearly",
    "should",
    "must ",
    "likely",
    "may well",
    "analysts say",
    "critics say",
    "observers",
    "in our view",
    "we believe",
    "it remains to be seen",
    "growing importance",
)

# Nouns after "the N ..." that count a group's members.
MEMBER_NOUNS = (
    "nations",
    "countries",
    "members",
    "states",
    "member states",
    "economies",
    "parties",
    "teams",
    "clubs",
    "companies",
)
