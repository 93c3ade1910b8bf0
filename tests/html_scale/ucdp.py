"""UCDP GED (CSV) to a parley JSON document, for the HTML page's browser
test (tests/html_scale.test.sh). A test converter, not the importer: each
row becomes one hostilities event, its sides the perpetrator (side_a) and
target (side_b), its conflict the process (a lane), adm_1 > adm_2 >
where_coordinates a place path under the country, its deaths low/best/high
the estimate (a low above best, as 101 source rows have, is lowered to best:
the model refuses it and the page does not need it).

Usage: python3 ucdp.py ged.csv out.json
"""
import csv
import json
import re
import sys
import zlib


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def main(src, dst):
    actors, places, processes, events = {}, {}, {}, []

    def place(key, kind, name, parent, coordinates=None):
        pid = "place:" + slug(key)[:80] + "-" + "%08x" % zlib.crc32(key.encode())
        if pid not in places:
            p = {"id": pid, "kind": kind, "names": {"en": name}}
            if parent:
                p["parent"] = parent
            if coordinates:
                p["coordinates"] = coordinates
            places[pid] = p
        return pid

    with open(src, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for side in ("a", "b"):
                aid = "actor:ucdp-" + row[f"side_{side}_new_id"]
                name = row[f"side_{side}"]
                kind = "state" if name.startswith("Government of") else "armed_group"
                actors.setdefault(aid, {"id": aid, "kind": kind, "names": {"en": name}})
            proc = "process:ucdp-" + row["conflict_new_id"]
            processes.setdefault(proc, {"id": proc, "kind": "conflict",
                                        "names": {"en": row["conflict_name"]}})
            parent = place(row["country"], "country", row["country"], None)
            path = row["country"]
            for level, kind in (("adm_1", "region"), ("adm_2", "area")):
                if row[level]:
                    path += "/" + row[level]
                    parent = place(path, kind, row[level], parent)
            path += "/" + row["where_coordinates"]
            site = place(path, "site", row["where_coordinates"], parent,
                         {"lat": float(row["latitude"]), "lon": float(row["longitude"])})
            low, best, high = (int(row[k]) for k in ("low", "best", "high"))
            start, end = row["date_start"][:10], row["date_end"][:10]
            events.append({
                "id": "event:ucdp-" + row["id"],
                "kind": "hostilities",
                "title": {"en": row["dyad_name"] + " at " + row["where_coordinates"]},
                "time": start if start == end else start + "/" + end,
                "place": site,
                "process": proc,
                "details": {
                    "kind": "clashes" if row["type_of_violence"] != "3" else "other",
                    "perpetrator": "actor:ucdp-" + row["side_a_new_id"],
                    "target": "actor:ucdp-" + row["side_b_new_id"],
                    "deaths_low": min(low, best),
                    "deaths_best": best,
                    "deaths_high": max(high, best),
                },
            })
    doc = {"format": "parley", "version": 1, "recorded": "2020-06-01T00:00:00Z",
           "actors": list(actors.values()), "places": list(places.values()),
           "processes": list(processes.values()), "events": events}
    with open(dst, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
