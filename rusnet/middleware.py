from django.conf import settings
from django.utils import translation


class SwedishUnlessChosenMiddleware:
    """Swedish for everyone unless they chose English with the footer's language switch.

    Django's LocaleMiddleware would follow the browser's Accept-Language header and
    show English to most work computers; the portal is Swedish by default, as a
    Swedish public service is, and English is a choice the person makes.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
