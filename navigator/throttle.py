"""Admin sign-in throttle: after repeated failures, refuse sign-in for a while.

Counts live in the shared cache, so every worker on every machine sees the same count.
Failures are counted per client address and per username, so neither guessing many
passwords for one account nor many accounts from one address gets far.
"""
import hashlib

from django.conf import settings
from django.contrib import admin
from django.core.cache import cache
from django.shortcuts import render


def client_address(request):
    """The visitor's address: behind a load balancer REMOTE_ADDR is the balancer's."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _keys(request):
    address = client_address(request)
    username = request.POST.get("username", "").strip().lower()
    return [
        "login-failures:addr:" + hashlib.sha256(address.encode()).hexdigest(),
        "login-failures:user:" + hashlib.sha256(username.encode()).hexdigest(),
    ]


def is_locked(request):
    limit = settings.LOGIN_FAILURE_LIMIT
    return any((cache.get(key) or 0) >= limit for key in _keys(request))


def record_failure(request):
    for key in _keys(request):
        if cache.add(key, 1, timeout=settings.LOGIN_FAILURE_WINDOW_SECONDS):
            continue
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, timeout=settings.LOGIN_FAILURE_WINDOW_SECONDS)


def clear_failures(request):
    cache.delete_many(_keys(request))


def throttled_admin_login(request, extra_context=None):
    if request.method == "POST" and is_locked(request):
        minutes = settings.LOGIN_FAILURE_WINDOW_SECONDS // 60
        return render(request, "admin/login_throttled.html", {"minutes": minutes}, status=429)
    response = admin.site.login(request, extra_context)
    if request.method == "POST":
        if response.status_code == 302:
            clear_failures(request)
        else:
            record_failure(request)
    return response
