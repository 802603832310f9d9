from django.contrib import admin
from django.urls import include, path

from .throttle import throttled_admin_login

admin.site.site_header = "Treatment-options navigator: editing"
admin.site.site_title = "Navigator admin"

urlpatterns = [
    # First: the result page is the one public page rendered on every request (never
    # cached), and every pattern tried before it costs a little (the admin's a raised
    # Resolver404). The prefixes do not overlap, so the order changes nothing else.
    path("questionnaire/", include("navigator.questionnaire_urls")),
    path("admin/login/", throttled_admin_login, name="admin-login-throttled"),
    path("admin/", admin.site.urls),
    path("", include("options.urls")),
    path("", include("content.urls")),
]
