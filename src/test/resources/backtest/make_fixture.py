#!/usr/bin/env python3
"""Writes fixture/market-2026-11-01.jsonl.gz and market-2026-11-02.jsonl.gz: two days in the recording format v1
(docs/recordings.md) for the golden backtest. Markets, fees, steps and book shapes are the demo scenario's (BTC, HYPE);
prices walk (seeded), funding rates change every 12 h so that the best hedge changes. Deterministic: same bytes each
run (gzip mtime 0). Written by a script because the shared build machine was too loaded to record one in time."""
import gzip, json, random, datetime as dt

rnd = random.Random(20251101)
T0 = dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)
SPECS = {
    ("lighter", "BTC"): dict(market_id="1", price_tick="0.1", size_step="0.00001", min_base="0.0002", min_quote="10",
                             taker_fee="0", maker_fee="0", funding_interval_s=3600),
    ("lighter", "HYPE"): dict(market_id="24", price_tick="0.0001", size_step="0.01", min_base="0.5", min_quote="10",
                              taker_fee="0", maker_fee="0", funding_interval_s=3600),
    ("edgex", "BTC"): dict(market_id="10000001", price_tick="0.1", size_step="0.001", min_base="0.001", min_quote="0",
                           taker_fee="0.00038", maker_fee="0.00018", funding_interval_s=14400),
    ("edgex", "HYPE"): dict(market_id="10000004", price_tick="0.001", size_step="0.1", min_base="0.1", min_quote="0",
                            taker_fee="0.00038", maker_fee="0.00018", funding_interval_s=14400),
}
# funding per 12 h block: (lighter per 8 h, edgex per 4 h)
RATES = {"BTC": [("0.0004", "-0.00005"), ("0.0001", "0.00005"), ("0.0012", "-0.0002"), ("0.0003", "0.0001")],
         "HYPE": [("0.0012", "-0.0002"), ("0.0020", "-0.0003"), ("0.0002", "0.0001"), ("0.0015", "-0.0004")]}
PRICE = {"BTC": 95000.0, "HYPE": 25.0}
DEC = {("lighter", "BTC"): (1, 5), ("edgex", "BTC"): (1, 3), ("lighter", "HYPE"): (4, 2), ("edgex", "HYPE"): (3, 1)}
BASIS = {"lighter": 1.0003, "edgex": 0.9998}
LEVEL = {"BTC": 0.35, "HYPE": 800}

def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")

def line(**kv):
    return json.dumps(dict(v=1, **kv), separators=(",", ":"))

files = {}
for day in range(2):
    files[day] = [line(kind="spec", t=iso(T0 + dt.timedelta(days=day)), venue=v, symbol=s, **spec)
                  for (v, s), spec in SPECS.items()]
for h in range(48):
    t = T0 + dt.timedelta(hours=h)
    out = files[h // 24]
    for s in ("BTC", "HYPE"):
        PRICE[s] *= 1 + rnd.gauss(0, 0.004)
    for v in ("lighter", "edgex"):
        for s in ("BTC", "HYPE"):
            pd, sd = DEC[(v, s)]
            mid = PRICE[s] * BASIS[v]
            tick = 10 ** -pd
            half = max(tick, round(mid * 0.00005 / tick) * tick)
            bids = [[f"{mid - half - i * mid * 0.00005:.{pd}f}", f"{LEVEL[s]:.{sd}f}"] for i in range(5)]
            asks = [[f"{mid + half + i * mid * 0.00005:.{pd}f}", f"{LEVEL[s]:.{sd}f}"] for i in range(5)]
            lr, er = RATES[s][h // 12]
            rate, interval = (lr, 28800) if v == "lighter" else (er, 14400)
            out.append(line(kind="quote", t=iso(t), venue=v, symbol=s, rate=rate, interval_s=interval,
                            volume_24h="95000000", bids=bids, asks=asks))
    # settlements at the top of the hour for the hour just ended (Lighter hourly at rate/8, EdgeX every 4 h)
    if h > 0:
        for s in ("BTC", "HYPE"):
            lr, er = RATES[s][(h - 1) // 12]
            out.append(line(kind="settled", t=iso(t), venue="lighter", symbol=s,
                            rate=f"{float(lr) / 8:.8f}".rstrip("0"), interval_s=3600))
            if h % 4 == 0:
                out.append(line(kind="settled", t=iso(t), venue="edgex", symbol=s, rate=er, interval_s=14400))
for day, lines in files.items():
    name = f"fixture/market-{(T0 + dt.timedelta(days=day)).date()}.jsonl.gz"
    with open(name, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(("\n".join(lines) + "\n").encode())
