from django.contrib import admin
from django.urls import include, path

from .throttle import throttled_admin_login

admin.site.site_header = "Treatment-options navigator: editing"
admin.site.site_title = "Navigator admin"

urlpatterns = [
    path("admin/login/", throttled_admin_login, name="admin-login-throttled"),
    path("admin/", admin.site.urls),
    path("questionnaire/", include("navigator.questionnaire_urls")),
    path("", include("options.urls")),
    path("", include("content.urls")),
]
