from django.shortcuts import render


def home(request):
    return render(request, "home.html")


def accessibility(request):
    return render(request, "accessibility.html")


def privacy(request):
    return render(request, "privacy.html")
