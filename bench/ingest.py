#!/usr/bin/env python3
"""Drives the ingest API with synthetic customer messages and prints the sustained rate.

Usage: ingest.py --url http://127.0.0.1:8080 --token rly_... --brand skyward [--total 1000000]
                 [--batch 500] [--threads 2] [--authors 4999] [--pid SERVER_PID]
Each message is unique (externalId), authors repeat (about 5,000 customers) so conversations grow
as in a real stream, texts vary. With --pid the server's resident memory is sampled too.
"""
import argparse, json, random, threading, time, urllib.error, urllib.request

TEMPLATES = [
    "@brand my order {n} still hasn't arrived after {d} days, this is the third time I ask! #fail",
    "Thanks so much for the quick help with order {n}, really appreciated 🙏",
    "Is there a way to change the delivery address for order {n}?",
    "Flight {n} delayed again. {d} hours in the terminal and nobody tells us anything.",
    "love waiting {d} hours on hold, great service as always 🙃",
    "The app crashes every time I try to check in. Please fix it.",
    "Could you add a vegetarian option on longer flights? Would make a big difference.",
    "Refund for booking {n} never came. I'm contacting my bank and the ombudsman.",
]


def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS"):
                    return int(line.split()[1]) // 1024
    except OSError:
        return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--token", required=True)
    ap.add_argument("--brand", required=True)
    ap.add_argument("--total", type=int, default=1_000_000)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--authors", type=int, default=4999)
    ap.add_argument("--spacing", type=float, default=1.0, help="seconds between messages' createdAt")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--pid", type=int)
    ap.add_argument("--run", default=f"bench{random.randrange(10**9)}")
    a = ap.parse_args()
    endpoint = f"{a.url}/api/v1/brands/{a.brand}/messages"
    rnd = random.Random(42)

    def payload(b):
        items = []
        for j in range(a.batch):
            i = b * a.batch + j
            items.append({"channel": {"kind": "api", "name": "bench"}, "externalId": f"{a.run}-{i}",
                          "direction": "inbound",
                          "author": {"handle": f"@customer{i % a.authors}", "name": f"Customer {i % a.authors}",
                                     "followers": (i * 7919) % 20000},
                          "text": TEMPLATES[i % len(TEMPLATES)].format(n=100000 + i, d=2 + i % 9),
                          "createdAt": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(1763600000 + int(i * a.spacing))),
                          "visibility": "public"})
        return json.dumps(items).encode()

    batches = a.total // a.batch
    # built before the clock starts, so the figure is the server's rate, not this script's
    bodies = [payload(b) for b in range(batches)]
    lock = threading.Lock()
    state = {"next": 0, "done": 0, "created": 0, "retries": 0, "errors": 0, "max_rss": 0}

    def worker():
        while True:
            with lock:
                if state["next"] >= batches:
                    return
                b = state["next"]
                state["next"] += 1
            body = bodies[b]
            for _ in range(100):
                req = urllib.request.Request(endpoint, data=body, method="POST", headers={
                    "Authorization": f"Bearer {a.token}", "Content-Type": "application/json"})
                try:
                    with urllib.request.urlopen(req, timeout=120) as r:
                        res = json.loads(r.read())
                        with lock:
                            state["done"] += 1
                            state["created"] += res.get("created", 0)
                    break
                except urllib.error.HTTPError as e:
                    if e.code == 429:
                        with lock:
                            state["retries"] += 1
                        time.sleep(0.2)
                        continue
                    with lock:
                        state["errors"] += 1
                    break

    t0 = time.time()
    threads = [threading.Thread(target=worker) for _ in range(a.threads)]
    for t in threads:
        t.start()
    last = t0
    while any(t.is_alive() for t in threads):
        time.sleep(1)
        if a.pid:
            r = rss_mb(a.pid)
            if r:
                state["max_rss"] = max(state["max_rss"], r)
        if time.time() - last >= 10:
            last = time.time()
            n = state["done"] * a.batch
            print(f"  {n:,} messages, {n / (last - t0):,.0f}/s", flush=True)
    for t in threads:
        t.join()
    dt = time.time() - t0
    n = state["done"] * a.batch
    print(f"ingested {n:,} messages ({state['created']:,} created) in {dt:.1f} s: {n / dt:,.0f} messages/s; "
          f"batches of {a.batch} from {a.threads} threads; {state['retries']} 429-retries, {state['errors']} errors"
          + (f"; server RSS max {state['max_rss']} MB" if a.pid else ""))


if __name__ == "__main__":
    main()
