from django.core.paginator import Page, Paginator
from django.db.models import Count, Window

PAGE_PARAMETER = "sida"


def paginate(request, object_list, per_page: int):
    """One page of a list, and the rest of the query string for the page links."""
    page = Paginator(object_list, per_page).get_page(request.GET.get(PAGE_PARAMETER))
    query = request.GET.copy()
    query.pop(PAGE_PARAMETER, None)
    page.query = query.urlencode()
    return page


def paginate_in_one_query(request, queryset, per_page: int):
    """Like paginate, but the page's rows and the total come from one query (a window
    count beside each row), so an empty list costs what a long one costs. A page number
    past the end costs a second query, for the last page."""
    try:
        # Bounded: a page number beyond a database integer would be an error, not a page.
        number = min(max(int(request.GET.get(PAGE_PARAMETER, 1)), 1), 1_000_000)
    except (TypeError, ValueError):
        number = 1
    counted = queryset.annotate(_total=Window(Count("pk")))

    def rows_of(number):
        offset = (number - 1) * per_page
        return list(counted[offset : offset + per_page])

    rows = rows_of(number)
    if not rows and number > 1:
        total = queryset.count()
        number = max((total + per_page - 1) // per_page, 1)
        rows = rows_of(number)
    total = rows[0]._total if rows else 0
    # The paginator counts a range of the right length: no query of its own.
    paginator = Paginator(range(total), per_page)
    page = Page(rows, number, paginator)
    query = request.GET.copy()
    query.pop(PAGE_PARAMETER, None)
    page.query = query.urlencode()
    return page
