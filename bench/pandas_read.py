# What a user would reach for otherwise: pandas.read_csv of the whole history, then the same summary numbers.
import json, resource, sys, time

import pandas

start = time.perf_counter()
frame = pandas.read_csv(sys.argv[1])
aggregated = frame[frame["Name"] == "Aggregated"]
summary = {
    "rows": int(len(frame)),
    "durationS": int(frame["Timestamp"].max() - frame["Timestamp"].min()),
    "peakUsers": int(frame["User Count"].max()),
    "points": int(len(aggregated)),
}
ms = round((time.perf_counter() - start) * 1000)
print(json.dumps({"method": "pandas", "ms": ms, "maxRssMB": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024), **summary}))
