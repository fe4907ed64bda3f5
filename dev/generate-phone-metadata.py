#!/usr/bin/env python3
"""Writes Sources/Campaigns/Phones/PhoneMetadata.json from libphonenumber's metadata.

The numbering plans come from PyPI's `phonenumbers` package (the Python port of Google's
libphonenumber), so no numbering rule is typed by hand. Install the version named below and run:

    python3 -m venv /tmp/pnvenv
    /tmp/pnvenv/bin/pip install phonenumbers==9.0.43
    /tmp/pnvenv/bin/python dev/generate-phone-metadata.py

The file holds, for every region and every non-geographic calling code: the country calling
code, the international and national prefixes (with the rule for parsing the national prefix),
the general pattern and possible lengths, the pattern and lengths of each number type, a
default IANA time zone, and per calling code the time zones of number prefixes.

Transform rules are rewritten from Python's `\\1` to `$1`. Everything else is copied as is:
libphonenumber's patterns are Java/ICU regular expressions and NSRegularExpression reads them.
"""

import json
import os
import sys

try:
    import re._parser as regex_parser  # Python 3.11 and later
    from re._constants import (ANY, ASSERT, ASSERT_NOT, AT, BRANCH, CATEGORY, CATEGORY_DIGIT, IN, LITERAL,
                               MAX_REPEAT, MIN_REPEAT, NEGATE, NOT_LITERAL, RANGE, SUBPATTERN)
except ImportError:  # pragma: no cover
    import sre_parse as regex_parser
    from sre_constants import (ANY, ASSERT, ASSERT_NOT, AT, BRANCH, CATEGORY, CATEGORY_DIGIT, IN, LITERAL,
                               MAX_REPEAT, MIN_REPEAT, NEGATE, NOT_LITERAL, RANGE, SUBPATTERN)

import phonenumbers
from phonenumbers import PhoneMetadata
from phonenumbers.phonenumberutil import COUNTRY_CODE_TO_REGION_CODE, SUPPORTED_REGIONS
from phonenumbers.phonenumberutil import COUNTRY_CODES_FOR_NON_GEO_REGIONS
from phonenumbers.timezone import time_zones_for_number, UNKNOWN_TIMEZONE
from phonenumbers.tzdata import TIMEZONE_DATA

EXPECTED_VERSION = "9.0.43"
OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                      "Sources", "Campaigns", "Phones", "PhoneMetadata.json")

# Our names for libphonenumber's number types, in the order libphonenumber tests them.
TYPES = [
    ("premiumRate", "premium_rate"),
    ("tollFree", "toll_free"),
    ("sharedCost", "shared_cost"),
    ("voip", "voip"),
    ("personalNumber", "personal_number"),
    ("pager", "pager"),
    ("uan", "uan"),
    ("voicemail", "voicemail"),
    ("fixedLine", "fixed_line"),
    ("mobile", "mobile"),
]


DIGITS = "0123456789"


class Unknown(Exception):
    """A pattern construct whose leading digits we do not work out; the pattern gets no filter."""


def class_digits(items):
    """The digits a character class such as [013-5] or \\d admits."""
    digits = set()
    negate = False
    for op, av in items:
        if op is NEGATE:
            negate = True
        elif op is LITERAL:
            digits.add(chr(av))
        elif op is RANGE:
            digits.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is CATEGORY:
            if av is not CATEGORY_DIGIT:
                raise Unknown(av)
            digits.update(DIGITS)
        else:
            raise Unknown(op)
    digits &= set(DIGITS)
    return set(DIGITS) - digits if negate else digits


def extend(strings, item_prefixes):
    """Each string shorter than the limit, followed by each start the next item allows."""
    out = set()
    for s in strings:
        if s[1]:
            out.add(s)
            continue
        for text, full in item_prefixes(s[0]):
            out.add((s[0] + text, full))
    return out


def sequence_starts(items, m):
    """The first m digits of every string the sequence matches, as (text, reached m digits);
    a shorter text is a whole match. Lookaheads are ignored, which only widens the set."""
    strings = {("", m == 0)}
    for op, av in items:
        strings = extend(strings, lambda prefix, op=op, av=av: item_starts(op, av, m - len(prefix)))
    return strings


def item_starts(op, av, m):
    if m == 0:
        return {("", True)}
    if op is LITERAL:
        return {(chr(av), m == 1)} if chr(av) in DIGITS else set()
    if op is NOT_LITERAL:
        return {(d, m == 1) for d in DIGITS if d != chr(av)}
    if op is IN:
        return {(d, m == 1) for d in class_digits(av)}
    if op is ANY:
        return {(d, m == 1) for d in DIGITS}
    if op in (AT, ASSERT, ASSERT_NOT):
        return {("", False)}
    if op is SUBPATTERN:
        return sequence_starts(av[-1], m)
    if op is BRANCH:
        result = set()
        for alternative in av[1]:
            result |= sequence_starts(alternative, m)
        return result
    if op in (MAX_REPEAT, MIN_REPEAT):
        low, high, body = av
        current = {("", False)}
        out = set()
        for count in range(0, m + 1):
            out |= current if count >= low else {s for s in current if s[1]}
            if count == high:
                return out
            current = extend(current, lambda prefix: sequence_starts(body, m - len(prefix)))
        return out | current
    raise Unknown(op)


def leading_pairs(pattern):
    """The two-digit starts a whole match of `pattern` can have, as a set of strings, or None
    when any start is possible or the pattern is beyond this analysis."""
    try:
        starts = sequence_starts(regex_parser.parse(pattern), 2)
    except Unknown:
        return None
    pairs = {text for text, full in starts if full}
    return None if len(pairs) == 100 else pairs


def pair_mask(pairs):
    """A set of two-digit starts as hex: bit 10 * first + second is set for each start. The
    parser tests a number against a pattern only if the bit of its first two digits is set."""
    return "%x" % sum(1 << int(pair) for pair in pairs)


def desc_json(desc):
    """A number description as {"pattern", "lengths", "localLengths"}, or None when the type has no numbers."""
    if desc is None or not desc.national_number_pattern:
        return None
    result = {"pattern": desc.national_number_pattern,
              "lengths": [n for n in desc.possible_length]}
    pairs = leading_pairs(desc.national_number_pattern)
    if pairs is not None:
        if desc.example_number and desc.example_number[:2] not in pairs:
            sys.exit("example %s starts outside the pairs worked out for %s"
                     % (desc.example_number, desc.national_number_pattern))
        result["leadingPairs"] = pair_mask(pairs)
    if desc.possible_length_local_only:
        result["localLengths"] = list(desc.possible_length_local_only)
    return result


def transform_rule(rule):
    """Python's `\\1` group references become NSRegularExpression's `$1`."""
    if not rule:
        return None
    out = []
    i = 0
    while i < len(rule):
        if rule[i] == "\\" and i + 1 < len(rule) and rule[i + 1].isdigit():
            out.append("$" + rule[i + 1])
            i += 2
        else:
            out.append(rule[i])
            i += 1
    return "".join(out)


def default_time_zone(region, md):
    """The zone libphonenumber gives the region's own example numbers: fixed line first, then the
    other types; the first zone when a prefix spans several; else the first zone of the calling code."""
    descs = [md.fixed_line, md.mobile] + [getattr(md, name) for _, name in TYPES]
    for desc in descs:
        if desc is None or not desc.example_number:
            continue
        try:
            number = phonenumbers.parse(desc.example_number, region)
        except phonenumbers.NumberParseException:
            continue
        zones = time_zones_for_number(number)
        if zones and zones[0] != UNKNOWN_TIMEZONE:
            return zones[0]
    zones = TIMEZONE_DATA.get(str(md.country_code))
    if zones:
        return zones[0]
    return None


def region_json(region, md, zone_index):
    result = {"countryCode": md.country_code}
    if md.international_prefix:
        result["internationalPrefix"] = md.international_prefix
    if md.national_prefix:
        result["nationalPrefix"] = md.national_prefix
    # As in libphonenumber's metadata builder, the parsing rule defaults to the prefix itself.
    for_parsing = md.national_prefix_for_parsing or md.national_prefix
    if for_parsing:
        result["nationalPrefixForParsing"] = for_parsing
    rule = transform_rule(md.national_prefix_transform_rule)
    if rule is not None:
        result["nationalPrefixTransformRule"] = rule
    if md.leading_digits:
        result["leadingDigits"] = md.leading_digits
    result["general"] = desc_json(md.general_desc)
    types = {}
    for ours, theirs in TYPES:
        desc = desc_json(getattr(md, theirs))
        if desc is not None:
            types[ours] = desc
    result["types"] = types
    if region != "001":
        zone = default_time_zone(region, md)
        if zone is not None:
            result["timeZone"] = zone_index(zone)
    return result


def country_code_of_prefix(prefix):
    matches = [cc for cc in COUNTRY_CODE_TO_REGION_CODE if prefix.startswith(str(cc))]
    if len(matches) != 1:
        sys.exit("time zone prefix %s does not belong to exactly one calling code: %s" % (prefix, matches))
    return matches[0]


def time_zone_prefixes(zone_index):
    """{calling code: {national digits prefix: [zone indices]}}, dropping entries that say the
    same as the next shorter prefix."""
    table = {}
    for prefix in sorted(TIMEZONE_DATA, key=lambda p: (len(p), p)):
        zones = tuple(TIMEZONE_DATA[prefix])
        if zones == (UNKNOWN_TIMEZONE,):
            continue
        cc = country_code_of_prefix(prefix)
        parent = None
        for length in range(len(prefix) - 1, 0, -1):
            if prefix[:length] in TIMEZONE_DATA:
                parent = tuple(TIMEZONE_DATA[prefix[:length]])
                break
        if parent == zones:
            continue
        national = prefix[len(str(cc)):]
        table.setdefault(str(cc), {})[national] = [zone_index(z) for z in zones]
    return table


def main():
    if phonenumbers.__version__ != EXPECTED_VERSION:
        sys.exit("expected phonenumbers %s, found %s" % (EXPECTED_VERSION, phonenumbers.__version__))
    zones = []

    def zone_index(zone):
        if zone not in zones:
            zones.append(zone)
        return zones.index(zone)

    regions = {}
    for region in sorted(SUPPORTED_REGIONS):
        regions[region] = region_json(region, PhoneMetadata.metadata_for_region(region), zone_index)
    non_geographic = {}
    for cc in sorted(COUNTRY_CODES_FOR_NON_GEO_REGIONS):
        non_geographic[str(cc)] = region_json("001", PhoneMetadata.metadata_for_nongeo_region(cc), zone_index)
    country_codes = {str(cc): list(rs) for cc, rs in sorted(COUNTRY_CODE_TO_REGION_CODE.items())}
    prefixes = time_zone_prefixes(zone_index)

    def line(value):
        return json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=True)

    # One region per line keeps diffs of a metadata update readable.
    parts = ['{"source":%s,' % line("phonenumbers " + phonenumbers.__version__)]
    parts.append('"timeZones":%s,' % line(zones))
    parts.append('"countryCodes":%s,' % line(country_codes))
    parts.append('"regions":{')
    parts.append(",\n".join("%s:%s" % (line(r), line(v)) for r, v in regions.items()))
    parts.append('},\n"nonGeographic":{')
    parts.append(",\n".join("%s:%s" % (line(c), line(v)) for c, v in non_geographic.items()))
    parts.append('},\n"timeZonePrefixes":{')
    parts.append(",\n".join("%s:%s" % (line(c), line(v)) for c, v in sorted(prefixes.items(), key=lambda kv: int(kv[0]))))
    parts.append("}}\n")
    with open(OUTPUT, "w", encoding="utf-8") as out:
        out.write("\n".join(parts))
    print("wrote %s: %d regions, %d non-geographic codes, %d time zones"
          % (os.path.relpath(OUTPUT), len(regions), len(non_geographic), len(zones)))


if __name__ == "__main__":
    main()
