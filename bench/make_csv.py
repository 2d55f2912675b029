#!/usr/bin/env python3
"""Writes a synthetic export of customer messages as CSV: make_csv.py FILE [ROWS]
Columns like a real social export: tweet_id, text, name, followers, tweet_created, retweets.
Texts vary (quotes, commas, embedded newlines, emoji, right-to-left), authors repeat."""
import csv, random, sys, time

TEXTS = [
    "@brand my order {n} still hasn't arrived after {d} days, this is the third time I ask!",
    "Thanks so much, the crew on flight {n} was \"amazing\" 🙏",
    "Is there a way to change the delivery address, order {n}?\nI moved last week.",
    "love waiting {d} hours on hold, great service as always 🙃",
    "Refund for booking {n} never came, I'm contacting my bank.",
    "خدمة سيئة جدا، الطلب {n} لم يصل بعد",
    "Could you add vegetarian meals, please? Long flights, {d} hours, nothing to eat.",
]

path, rows = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
rnd = random.Random(7)
start = 1_700_000_000
with open(path, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["tweet_id", "text", "name", "followers", "tweet_created", "retweets"])
    for i in range(rows):
        c = rnd.randrange(20_000)
        when = time.strftime("%Y-%m-%d %H:%M:%S -0800", time.gmtime(start + i * 3))
        w.writerow([10**15 + i, TEXTS[i % len(TEXTS)].format(n=100000 + i, d=2 + i % 9), f"customer_{c}",
                    (c * 37) % 50_000, when, rnd.randrange(5)])
