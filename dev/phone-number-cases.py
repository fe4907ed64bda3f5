#!/usr/bin/env python3
"""Prints the expected readings of the inputs in CASES, as phonenumbers 9.0.43 gives them, as
rows for the table in Tests/CampaignsTests/PhoneNumberTests.swift:

    /tmp/pnvenv/bin/python dev/phone-number-cases.py

A valid number prints its E.164 form, region, calling code, line type and time zone; an invalid one the
error our parser should give. Inputs where we deliberately differ from libphonenumber (keypad
letters, a stray 0 before a Polish number) are not here: the tests state those by hand.
"""

import json
import os

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberType, ValidationResult
from phonenumbers.timezone import time_zones_for_number
from phonenumbers.tzdata import TIMEZONE_DATA, TIMEZONE_LONGEST_PREFIX

METADATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                        "Sources", "Campaigns", "Phones", "PhoneMetadata.json")

DEFAULT_REGION = "PL"

CASES = [
    # Polish mobile, every 2-digit mobile range, written in the ways contact centres write them.
    "601 234 567", "601-234-567", "601.234.567", "601/234/567", "601234567", " 601 234 567 ",
    "+48 601 234 567", "+48601234567", "+48-601-234-567", "(+48) 601 234 567", "0048 601 234 567",
    "0048601234567", "48 601 234 567", "48601234567", "(48) 601-234-567",
    "451 234 567", "501 234 567", "512 345 678", "531 234 567", "571 234 567", "661 234 567",
    "691 234 567", "721 234 567", "731 234 567", "781 234 567", "791 234 567", "881 234 567",
    "211 012 345",
    # Polish fixed lines: Warsaw, Kraków, Bydgoszcz, Gdańsk, Poznań, Wrocław, Łódź.
    "22 123 45 67", "(22) 123-45-67", "+48 22 123 45 67", "0048 (22) 123 45 67", "12 345 67 89",
    "52 345 67 89", "58 345 67 89", "61 845 67 89", "71 345 67 89", "42 634 56 78",
    # Polish special numbers.
    "800 123 456", "801 234 567", "701 234 567", "391 234 567", "804 123 456", "800 123 4567",
    # Foreign numbers.
    "+49 30 123456", "+49 (0)30 1234567", "0049 30 1234567", "+49 151 23456789", "0049 1512 3456789",
    "+44 20 7946 0958", "+44 7400 123456", "+44 7911 123456", "0044 (0)20 7946 0958", "+44 1481 256789",
    "+1 650 253 0000", "+1 (212) 736-5000", "001 415 555 2671",
    "+380 44 123 4567", "+380 50 123 4567", "00380 67 123 45 67",
    "+420 212 345 678", "+420 601 123 456", "00420 731 234 567",
    "+7 495 123-45-67", "+7 912 345 67 89",
    # Invalid numbers.
    "60123", "6012", "601 234 567 890 1", "+48 601 234 56", "111 234 567", "921 234 567",
    "+48 111 234 567", "+999 123 456 789", "00999 123 456", "+49 30", "+1 123 456 7890",
    "+44 7911 1234567", "+420 123 456 789",
]

TYPES = {
    PhoneNumberType.FIXED_LINE: "fixed", PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "fixedOrMobile", PhoneNumberType.TOLL_FREE: "tollFree",
    PhoneNumberType.PREMIUM_RATE: "premiumRate", PhoneNumberType.SHARED_COST: "sharedCost",
    PhoneNumberType.VOIP: "voip", PhoneNumberType.PERSONAL_NUMBER: "personal",
    PhoneNumberType.PAGER: "pager", PhoneNumberType.UAN: "uan", PhoneNumberType.VOICEMAIL: "voicemail",
}

LENGTH_ERRORS = {
    ValidationResult.TOO_SHORT: "tooShort", ValidationResult.TOO_LONG: "tooLong",
    ValidationResult.INVALID_LENGTH: "impossibleLength", ValidationResult.IS_POSSIBLE_LOCAL_ONLY: "localOnly",
    ValidationResult.IS_POSSIBLE: "invalidForRegion",
}


def swift_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def our_zone(number, region):
    """Our rule where libphonenumber's answer is a list: the longest known prefix of the number
    (whatever its type), and of several zones the region's own if listed, else the first."""
    with open(METADATA, encoding="utf-8") as f:
        metadata = json.load(f)
    region_zone = metadata["timeZones"][metadata["regions"][region]["timeZone"]]
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)[1:]
    for length in range(min(TIMEZONE_LONGEST_PREFIX, len(e164)), 0, -1):
        zones = TIMEZONE_DATA.get(e164[:length])
        if zones:
            return region_zone if region_zone in zones else zones[0]
    return region_zone


def row(raw):
    try:
        number = phonenumbers.parse(raw, DEFAULT_REGION)
    except NumberParseException as error:
        kind = {NumberParseException.INVALID_COUNTRY_CODE: ".unknownCountryCallingCode",
                NumberParseException.TOO_SHORT_NSN: ".tooShort(regionCode: nil)",
                NumberParseException.TOO_SHORT_AFTER_IDD: ".tooShort(regionCode: nil)",
                NumberParseException.TOO_LONG: ".tooLong(regionCode: nil)"}[error.error_type]
        return "        .init(%s, rejected: %s)," % (swift_string(raw), kind)
    region = phonenumbers.region_code_for_country_code(number.country_code)
    if not phonenumbers.is_valid_number(number):
        reason = phonenumbers.is_possible_number_with_reason(number)
        return '        .init(%s, rejected: .%s(regionCode: "%s")),' % (swift_string(raw), LENGTH_ERRORS[reason], region)
    region = phonenumbers.region_code_for_number(number)
    zones = time_zones_for_number(number)
    zone = zones[0] if len(zones) == 1 else our_zone(number, region)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return '        .init(%s, %s, "%s", %d, .%s, "%s"),%s' % (
        swift_string(raw), swift_string(e164), region, number.country_code, TYPES[phonenumbers.number_type(number)], zone,
        "" if len(zones) == 1 else "  // libphonenumber lists %d zones: see our_zone()" % len(zones))


if __name__ == "__main__":
    print("        // Generated by dev/phone-number-cases.py from phonenumbers %s." % phonenumbers.__version__)
    for raw in CASES:
        print(row(raw))
