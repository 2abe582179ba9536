using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenHealthLive.Web.Infrastructure;

namespace OpenHealthLive.Web.Localization;

/// <summary>
/// The audience pages speak the phone's language (docs/languages.md): the one it chose on the page (<c>?lang=</c>,
/// then the <see cref="CookieName"/> cookie), else its browser's, when the site has it; English otherwise.
/// Presenter and organiser pages stay English: the culture is set only on the paths phones open.
/// </summary>
internal static class LocalizationSetup
{
    /// <summary>The languages the audience pages are written in; English first (the fallback).</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "es", "fr"];

    /// <summary>The cookie that keeps a phone's choice of language (its only content: <c>c=es|uic=es</c>).</summary>
    public const string CookieName = "ohl-language";

    /// <summary>The query parameter that carries a choice made on the page (also the slides' language).</summary>
    public const string QueryKey = "lang";

    /// <summary>The paths phones open: home, the talk page, the privacy notice, public poll results, error and status pages, the hub.</summary>
    private static readonly string[] s_audiencePaths = ["/j", "/privacy", "/p", "/error", "/status", HubPaths.Live];

    public static IServiceCollection AddAudienceLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        // What AddViewLocalization() adds for IHtmlLocalizer<T>, without the per-view resources it also sets up: the pages
        // share one resource (AudienceText), and IHtmlLocalizer encodes the arguments, not the (trusted) resource text.
        services.TryAddSingleton<IHtmlLocalizerFactory, HtmlLocalizerFactory>();
        services.TryAddTransient(typeof(IHtmlLocalizer<>), typeof(HtmlLocalizer<>));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Languages.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = QueryKey, UIQueryStringKey = QueryKey },
                new CookieRequestCultureProvider { CookieName = CookieName },
                new AcceptLanguageHeaderRequestCultureProvider { MaximumAcceptLanguageHeaderValuesToTry = 10 },
            ];
        });
        return services;
    }

    public static WebApplication UseAudienceLocalization(this WebApplication app)
    {
        app.UseWhen(context => IsAudiencePath(context.Request.Path), audience => audience.UseRequestLocalization());
        return app;
    }

    private static bool IsAudiencePath(PathString path) =>
        path == "/" || s_audiencePaths.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}
