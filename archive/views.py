"""The secretariat's handover archive page and its download."""

import tempfile

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from archive.handover import export_archive
from archive.permissions import EXPORT_PERMISSION


def require_archive_permission(request):
    if not request.user.has_perm(EXPORT_PERMISSION):
        raise PermissionDenied


@login_required
def archive(request):
    require_archive_permission(request)
    return render(request, "archive/archive.html")


@never_cache
@login_required
def archive_download(request):
    """The archive is written to an anonymous temporary file and streamed from there.

    The file disappears when the response closes it; neither the zip nor the
    uploaded files are ever held in memory.
    """
    require_archive_permission(request)
    target = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
    try:
        export_archive(target)
    except BaseException:
        target.close()
        raise
    target.seek(0)
    filename = f"rusnet-arkiv-{timezone.localdate():%Y-%m-%d}.zip"
    return FileResponse(
        target, as_attachment=True, filename=filename, content_type="application/zip"
    )
