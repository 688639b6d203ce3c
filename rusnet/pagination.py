from django.core.paginator import Paginator

PAGE_PARAMETER = "sida"


def paginate(request, object_list, per_page: int):
    """One page of a list, and the rest of the query string for the page links."""
    page = Paginator(object_list, per_page).get_page(request.GET.get(PAGE_PARAMETER))
    query = request.GET.copy()
    query.pop(PAGE_PARAMETER, None)
    page.query = query.urlencode()
    return page
