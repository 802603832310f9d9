"""scripts/benchmark.py's pure parts: parsing wrk's output and pages' asset links, fetching
a page's weight, and writing the report. Standard library only."""
from __future__ import annotations

import gzip
import http.client
import re
import statistics
import zlib
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

BROWSER_ACCEPT_ENCODING = "gzip, deflate, br"
PAGE_WEIGHT_BUDGET = 100 * 1000  # bytes: "under 100 KB", read strictly (decimal kilobytes)
STATIC_PAGE = "static asset"
WORKERS = 2  # gunicorn workers
WARMUP_SECONDS = 2


# --------------------------------------------------------------------------- parsing


_TIME_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
_NUMBER_SUFFIX = {"": 1, "k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9}


def _time_to_ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text.strip())
    if not match:
        raise ValueError(f"not a wrk time: {text!r}")
    return float(match.group(1)) * _TIME_UNITS_MS[match.group(2)]


def parse_wrk_output(text: str) -> dict:
    """Figures from wrk's output (run with --latency).

    Returns requests_per_sec, p50_ms, p75_ms, p90_ms, p99_ms, requests, duration_s,
    non_2xx_3xx, socket_errors (dict) and errors (non-2xx/3xx plus all socket errors).
    Raises ValueError if the output has no Requests/sec line (wrk failed).
    """
    result: dict = {}
    match = re.search(r"^Requests/sec:\s*([\d.]+)", text, re.M)
    if not match:
        raise ValueError("wrk output has no Requests/sec line:\n" + text)
    result["requests_per_sec"] = float(match.group(1))

    match = re.search(r"^\s*(\d+) requests in ([\d.]+\w+),", text, re.M)
    result["requests"] = int(match.group(1)) if match else None
    result["duration_s"] = _time_to_ms(match.group(2)) / 1000 if match else None

    percentiles = {}
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if line.strip() == "Latency Distribution":
            for row in lines[index + 1:]:
                match = re.fullmatch(r"\s*([\d.]+)%\s+([\d.]+(?:us|ms|s|m|h))\s*", row)
                if not match:
                    break
                percentiles[float(match.group(1))] = _time_to_ms(match.group(2))
            break
    for pct in (50, 75, 90, 99):
        result[f"p{pct}_ms"] = percentiles.get(float(pct))

    socket_errors = {"connect": 0, "read": 0, "write": 0, "timeout": 0}
    match = re.search(r"Socket errors:\s*connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if match:
        socket_errors = dict(zip(socket_errors, map(int, match.groups())))
    match = re.search(r"Non-2xx or 3xx responses:\s*(\d+)", text)
    result["non_2xx_3xx"] = int(match.group(1)) if match else 0
    result["socket_errors"] = socket_errors
    result["errors"] = result["non_2xx_3xx"] + sum(socket_errors.values())
    return result


class _AssetLinkParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = {name.lower(): (value or "") for name, value in attrs}
        if tag == "link" and "stylesheet" in attrs.get("rel", "").lower().split() and attrs.get("href"):
            self.links.append(attrs["href"].strip())
        elif tag == "script" and attrs.get("src"):
            self.links.append(attrs["src"].strip())


def parse_asset_links(html: str, base_url: str = "") -> list[str]:
    """The stylesheets (<link rel=stylesheet href>) and scripts (<script src>) a page
    loads, in document order, without repeats, made absolute against base_url."""
    parser = _AssetLinkParser()
    parser.feed(html)
    parser.close()
    seen = {}
    for link in parser.links:
        seen.setdefault(urljoin(base_url, link) if base_url else link, None)
    return list(seen)


def hashed_static_url(manifest: dict, name: str, static_url: str = "/static/") -> str:
    """The URL of a static file's hashed copy, from a staticfiles.json manifest."""
    return static_url.rstrip("/") + "/" + manifest["paths"][name]


# --------------------------------------------------------------------------- HTTP


def fetch(url: str, accept_gzip: bool = True, timeout: float = 10) -> dict:
    """GET a loopback URL; returns status, headers, the body as sent (maybe compressed) and decoded."""
    parts = urlsplit(url)
    if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError(f"refusing to fetch a non-loopback URL: {url}")
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        headers = {"Accept-Encoding": "gzip"} if accept_gzip else {}
        conn.request("GET", path or "/", headers=headers)
        response = conn.getresponse()
        raw = response.read()
        encoding = (response.getheader("Content-Encoding") or "").lower()
        if encoding == "gzip":
            body = gzip.decompress(raw)
        elif encoding == "deflate":
            body = zlib.decompress(raw)
        else:
            body = raw
        header_bytes = sum(len(k) + len(v) + 4 for k, v in response.getheaders()) + 17
        return {
            "status": response.status,
            "content_type": response.getheader("Content-Type") or "",
            "content_encoding": encoding or "identity",
            "bytes": len(raw),
            "header_bytes": header_bytes,
            "body": body,
        }
    finally:
        conn.close()


def page_weight(base_url: str, path: str) -> dict:
    """Bytes a first visit transfers: the page (gzip asked for) plus each CSS and JS it links."""
    page = fetch(base_url + path)
    assets = []
    if "html" in page["content_type"]:
        for link in parse_asset_links(page["body"].decode("utf-8", "replace"), base_url + path):
            if urlsplit(link).hostname not in ("127.0.0.1", "localhost"):
                assets.append({"url": link, "status": None, "bytes": 0, "note": "external, not fetched"})
                continue
            asset = fetch(link)
            assets.append(
                {
                    "url": urlsplit(link).path,
                    "status": asset["status"],
                    "bytes": asset["bytes"],
                    "content_encoding": asset["content_encoding"],
                }
            )
    total = page["bytes"] + sum(asset["bytes"] for asset in assets)
    return {
        "status": page["status"],
        "html_bytes": page["bytes"],
        "html_encoding": page["content_encoding"],
        "assets": assets,
        "total_bytes": total,
        "total_with_headers": total + page["header_bytes"],
        "under_budget": total < PAGE_WEIGHT_BUDGET,
    }



def summarise_rounds(runs):
    """One page's figures over its rounds: medians, the worst p99 and every error."""
    return {
        "requests_per_sec": statistics.median(run["requests_per_sec"] for run in runs),
        "p50_ms": statistics.median(run["p50_ms"] or 0 for run in runs),
        "p99_ms": max(run["p99_ms"] or 0 for run in runs),
        "errors": sum(run["errors"] for run in runs),
        "bare_adjacent_rps": statistics.median(run["bare_adjacent_rps"] for run in runs),
        "ratio_to_bare": statistics.median(run["ratio_to_bare"] for run in runs),
        "ratios_by_round": [run["ratio_to_bare"] for run in runs],
        "rounds": runs,
    }



# --------------------------------------------------------------------------- output


def _fmt(value, digits=1):
    return "–" if value is None else f"{value:,.{digits}f}"


def markdown_report(report) -> str:
    lines = [
        f"# Benchmark {report['timestamp']}",
        "",
        f"Machine: {report['machine']['cpus']} CPUs, {report['machine']['platform']}, Python {report['machine']['python']}.",
        f"gunicorn: {report['settings']['gunicorn_flags']}. wrk: -t{report['settings']['wrk_threads']} "
        f"-c{report['settings']['connections']} -d{report['settings']['duration']}s "
        f"-H 'Accept-Encoding: {BROWSER_ACCEPT_ENCODING}' "
        f"(after a {WARMUP_SECONDS} s warm-up run, discarded), --latency.",
        "",
    ]
    for db in report["databases"]:
        bare = db["bare"]
        lines += [
            f"## {db['database']} (Django {db['django_version']}, cache: {db['cache_backend']} at {db['cache_location']})",
            "",
            f"Load average (1 min) before/after: {db['loadavg_before'][0]} / {db['loadavg_after'][0]} "
            f"(the benchmark itself adds about {WORKERS + 1}); spread between the bare view's runs: "
            f"{db['bare']['spread']:.0%}. Each page ran in {_rounds(len(db['pages'][0]['rounds']))}; in each, its "
            "ratio is to the mean of the bare runs just before and just after it. The table gives the median over "
            "the rounds (the worst p99, every error) and each round's ratio.",
            "",
            "| Page | Req/s | p50 ms | p99 ms | Errors | Bare beside it | × bare | × bare by round | Queries cold "
            "| Queries warm | Page cached |",
            "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|:---:|",
            f"| bare Django view (mean of {len(db['bare_runs'])} runs: "
            f"{', '.join(_fmt(run['requests_per_sec'], 0) for run in db['bare_runs'])}) | "
            f"{_fmt(bare['requests_per_sec'], 0)} | {_fmt(bare['p50_ms'], 2)} | "
            f"{_fmt(bare['p99_ms'], 2)} | {bare['errors']} | – | 1.00 | – | – | – | – |",
        ]
        for page in db["pages"]:
            cached = "–" if page["name"] == STATIC_PAGE else ("yes" if page["page_cached"] else "no")
            lines.append(
                f"| {page['name']} (`{_short(page['path'])}`) | {_fmt(page['requests_per_sec'], 0)} | "
                f"{_fmt(page['p50_ms'], 2)} | {_fmt(page['p99_ms'], 2)} | {page['errors']} | "
                f"{_fmt(page['bare_adjacent_rps'], 0)} | {page['ratio_to_bare']:.2f} | "
                f"{', '.join(f'{ratio:.2f}' for ratio in page['ratios_by_round'])} | {page['queries_cold']} | "
                f"{page['queries_warm']} | {cached} |"
            )
        lines += [
            "",
            f"Page weight ({db['database']}; bytes as transferred with Accept-Encoding: gzip; budget "
            f"{PAGE_WEIGHT_BUDGET:,} bytes):",
            "",
            "| Page | HTML bytes | HTML encoding | CSS + JS bytes | Total | Under budget |",
            "|---|---:|---|---:|---:|:---:|",
        ]
        for page in db["pages"]:
            weight = page["weight"]
            asset_bytes = sum(asset["bytes"] for asset in weight["assets"])
            lines.append(
                f"| {page['name']} | {weight['html_bytes']:,} | {weight['html_encoding']} | {asset_bytes:,} "
                f"({len(weight['assets'])} files) | {weight['total_bytes']:,} | "
                f"{'yes' if weight['under_budget'] else '**no**'} |"
            )
        lines.append("")
    lines.append(f"JSON: {report['json_path']}")
    return "\n".join(lines)


def _rounds(count):
    return f"{count} round" if count == 1 else f"{count} rounds"


def _short(path, width=48):
    return path if len(path) <= width else path[: width - 1] + "…"
