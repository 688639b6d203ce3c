from pathlib import PurePosixPath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.db import IntegrityError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from meetings import filetypes, services
from meetings.access import meeting_for_member, meeting_for_planner
from meetings.documentation_forms import DocumentationForm, MeetingFileForm
from meetings.models import MeetingDocumentation, MeetingFile
from rusnet.concurrency import EditConflict


def documentation_of(meeting):
    return MeetingDocumentation.objects.filter(meeting=meeting).first()


@login_required
def documentation(request, slug):
    """The notes and files of a meeting, for members."""
    meeting = meeting_for_member(request, slug, "meetings.view_documentation")
    context = {
        "meeting": meeting,
        "documentation": documentation_of(meeting),
        "files": MeetingFile.objects.visible_to(request.user).filter(meeting=meeting),
        "can_edit": request.user.has_perm("meetings.change_documentation", meeting),
    }
    return render(request, "meetings/documentation.html", context)


@login_required
def documentation_edit(request, slug):
    meeting = meeting_for_planner(request, slug, "meetings.change_documentation")
    instance = documentation_of(meeting) or MeetingDocumentation(meeting=meeting)
    form = DocumentationForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            form.save()
        except EditConflict as conflict:
            form.mark_conflict(conflict.current)
        except IntegrityError:
            # Someone else wrote the first version of the notes at the same moment.
            form.mark_conflict(documentation_of(meeting))
        else:
            messages.success(request, _("The documentation was saved."))
            return redirect("meetings:documentation", slug=meeting.slug)
    return render(request, "meetings/documentation_edit.html", {"meeting": meeting, "form": form})


@login_required
def file_upload(request, slug):
    meeting = meeting_for_planner(request, slug, "meetings.change_documentation")
    form = MeetingFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        meeting_file = services.store_file(meeting, request.user, form)
        messages.success(request, _("%(file)s was added.") % {"file": meeting_file.title})
        return redirect("meetings:documentation", slug=meeting.slug)
    return render(
        request, "meetings/documentation_file_upload.html", {"meeting": meeting, "form": form}
    )


@login_required
def file_download(request, slug, pk):
    """A meeting's file, to members only, from the storage (never from MEDIA_URL)."""
    meeting = meeting_for_member(request, slug, "meetings.view_documentation")
    files = MeetingFile.objects.visible_to(request.user)
    meeting_file = get_object_or_404(files, pk=pk, meeting=meeting)
    try:
        handle = default_storage.open(meeting_file.file.name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    # Named by the content the upload proved, never by the extension the uploader chose.
    extension = filetypes.EXTENSION_OF_CONTENT_TYPE.get(
        meeting_file.content_type, PurePosixPath(meeting_file.file.name).suffix.lstrip(".")
    )
    return FileResponse(
        handle,
        as_attachment=True,
        filename=filetypes.download_name(meeting_file.original_name, extension),
        content_type=meeting_file.content_type,
    )


@login_required
def file_delete(request, slug, pk):
    meeting = meeting_for_planner(request, slug, "meetings.change_documentation")
    meeting_file = get_object_or_404(MeetingFile, pk=pk, meeting=meeting)
    if request.method == "POST":
        services.delete_file(meeting_file)
        messages.success(request, _("%(file)s was removed.") % {"file": meeting_file.title})
        return redirect("meetings:documentation", slug=meeting.slug)
    return render(
        request,
        "meetings/documentation_file_delete.html",
        {"meeting": meeting, "file": meeting_file},
    )
