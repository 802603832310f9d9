"""Public pages take small forms only: no file uploads, no large bodies. A body over the limit is
refused from its Content-Length before anything reads it; a form with a file in it is parsed
with an upload handler that stops at the first file, so no file reaches memory or disk. The
admin keeps Django's own limits."""
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.shortcuts import render
from django.urls import reverse

PUBLIC_BODY_LIMIT = 32 * 1024  # the whole questionnaire, every answer given, is about 1 KB


class RefuseFiles(FileUploadHandler):
    """Notes that a file was sent and stops reading the upload there."""

    refused = False

    def new_file(self, *args, **kwargs):
        self.refused = True
        raise StopUpload(connection_reset=False)

    def receive_data_chunk(self, raw_data, start):
        return None

    def file_complete(self, file_size):
        return None


class PublicRequestLimits:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(reverse("admin:index")):
            refused = self.refusal(request)
            if refused:
                return refused
        return self.get_response(request)

    def refusal(self, request):
        try:
            length = int(request.headers.get("Content-Length") or 0)
        except ValueError:
            return render(request, "400.html", {"reason": "The request's length could not be read."}, status=400)
        if length > PUBLIC_BODY_LIMIT:
            return render(request, "413.html", status=413)
        if request.method == "POST" and request.content_type == "multipart/form-data":
            handler = RefuseFiles(request)
            request.upload_handlers = [handler]
            request.POST  # parse now, with files refused, before any view sees the request
            if handler.refused:
                return render(request, "400.html", {"reason": "This site does not accept file uploads."}, status=400)
        return None
