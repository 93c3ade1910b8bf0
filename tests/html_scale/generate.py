"""A parley JSON document of N generated events, for the HTML page's size
and first-paint budget (tests/html_scale.test.sh): 500 actors, 5 countries
> 50 regions > 500 cities, 12 processes (lanes) plus events without one,
events over 2000-2029 with 2-3 participants, a title of five words and a
city; every fourth is hostilities with a death estimate. Deterministic.

Usage: python3 generate.py N out.json
"""
import json
import random
import sys

WORDS = ["talks", "clashes", "shelling", "meeting", "ceasefire", "envoys",
         "border", "convoy", "capital", "truce", "militia", "delegates", "aid",
         "river", "northern", "southern", "district", "airport", "hospital"]
KINDS = ["hostilities", "meeting", "statement", "ceasefire"]


def main(n, dst):
    rnd = random.Random(20161)
    actors = [{"id": f"actor:a{i}", "kind": "armed_group",
               "names": {"en": f"Group {i} of the {rnd.choice(WORDS)} front"}}
              for i in range(500)]
    places = []
    for c in range(5):
        places.append({"id": f"place:c{c}", "kind": "country", "names": {"en": f"Country {c}"}})
    for r in range(50):
        places.append({"id": f"place:r{r}", "kind": "region", "parent": f"place:c{r % 5}",
                       "names": {"en": f"Region {r}"}})
    for t in range(500):
        places.append({"id": f"place:t{t}", "kind": "city", "parent": f"place:r{t % 50}",
                       "names": {"en": f"Town {t}"},
                       "coordinates": {"lat": rnd.uniform(-60, 60), "lon": rnd.uniform(-170, 170)}})
    processes = [{"id": f"process:p{p}", "kind": "conflict", "names": {"en": f"Conflict {p}"}}
                 for p in range(12)]
    events = []
    for i in range(n):
        kind = KINDS[i % 4]
        year, month, day = 2000 + rnd.randrange(30), 1 + rnd.randrange(12), 1 + rnd.randrange(28)
        time = f"{year:04d}-{month:02d}-{day:02d}"
        if i % 10 == 0:
            time = f"{year:04d}-{month:02d}"
        ev = {"id": f"event:{i:07d}", "kind": kind,
              "title": {"en": " ".join(rnd.choice(WORDS) for _ in range(5)).capitalize()},
              "time": time, "place": f"place:t{rnd.randrange(500)}",
              "participants": [{"actor": f"actor:a{a}", "role": "party"}
                               for a in rnd.sample(range(500), 2 + i % 2)]}
        if i % 13:
            ev["process"] = f"process:p{i % 12}"
        if kind == "hostilities":
            best = rnd.randrange(40)
            ev["details"] = {"kind": "shelling", "deaths_low": best // 2,
                             "deaths_best": best, "deaths_high": best * 2}
        events.append(ev)
    doc = {"format": "parley", "version": 1, "recorded": "2030-01-01T00:00:00Z",
           "actors": actors, "places": places, "processes": processes, "events": events}
    with open(dst, "w", encoding="utf-8") as f:
        json.dump(doc, f)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
