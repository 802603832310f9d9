"""Who is signing in, as django-axes counts failures (AXES_CLIENT_IP_CALLABLE and
AXES_USERNAME_CALLABLE in settings)."""
from django.conf import settings


def client_address(request):
    """The visitor's address: behind a load balancer REMOTE_ADDR is the balancer's.

    Each trusted proxy appends the address it was reached from, so the client is the
    entry TRUSTED_PROXY_COUNT places from the right; anything further left may be forged.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def normalised_username(request, credentials):
    """"Admin" and "admin " count as one username, so changing case buys no extra guesses."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    return username.strip().lower()
