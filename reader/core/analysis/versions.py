"""The version of each analyser, for the cache keys of its results.

Kept apart from the analysers so that looking up a cached result does not import them (the
entity and number finders compile ~150 patterns when imported). Each analyser's module
re-exports its number as ``VERSION``; raising it makes every cached result of that analyser stale.
"""

SENTENCES = "1"
ENTITIES = "2"
NUMBERS = "1"
SUMMARY = "3"
