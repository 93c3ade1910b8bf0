"""What the HTML page's filter must find, computed from the source files
without parley: for the UCDP CSV, the rows whose columns hold a phrase
(case- and accent-insensitive, as the page folds text); for the generated
document, the events whose town lies in a region. Writes a JSON object:
{"ucdp": {"events": N, "filters": [{"query", "ids"}]}, "generated": {...}}.

Usage: python3 expected.py ged.csv generated.json out.json
"""
import csv
import json
import sys
import unicodedata


def fold(text):
    text = unicodedata.normalize("NFD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def ucdp(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))

    def having(phrase, columns):
        return ["event:ucdp-" + r["id"] for r in rows
                if any(fold(phrase) in fold(r[c]) for c in columns)]
    # The converter (ucdp.py) puts the sides in actors, dyad_name and
    # where_coordinates in the title, and the admin levels in places.
    everything = ["side_a", "side_b", "dyad_name", "where_coordinates",
                  "adm_1", "adm_2", "country"]
    return {"events": len(rows), "filters": [
        {"query": "actor:Ahrar al-Sham",
         "ids": having("Ahrar al-Sham", ["side_a", "side_b"])},
        {"query": "Aleppo", "ids": having("Aleppo", everything)},
    ]}


def generated(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    region_of = {p["id"]: p.get("parent") for p in doc["places"]}
    ids = [e["id"] for e in doc["events"]
           if region_of[e["place"]] == "place:r7"]
    return {"events": len(doc["events"]),
            "filters": [{"query": "place:Region 7", "ids": ids}]}


if __name__ == "__main__":
    with open(sys.argv[3], "w", encoding="utf-8") as out:
        json.dump({"ucdp": ucdp(sys.argv[1]),
                   "generated": generated(sys.argv[2])}, out)
