using Microsoft.Extensions.Options;
using OpenHealthLive.Core.Slides;
using OpenHealthLive.Web.Infrastructure;

namespace OpenHealthLive.Web.Decks;

internal static class DecksSetup
{
    public static WebApplicationBuilder AddDecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DecksOptions>()
            .BindConfiguration(DecksOptions.SectionName, DecksOptions.Renamed)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<DecksOptions>>().Value;
            var environment = services.GetRequiredService<IHostEnvironment>();
            return new DeckCatalog(
                ResolveContentPath(options.ContentPath, environment.ContentRootPath),
                options.WatchDecks ?? environment.IsDevelopment(),
                services.GetRequiredService<ILogger<DeckCatalog>>(),
                services.GetRequiredService<TimeProvider>());
        });
        return builder;
    }

    /// <summary>
    /// The configured folder, else <c>content/</c> beside the app (published), else the repository's
    /// <c>content/</c> when run from <c>src/OpenHealthLive.Web</c>.
    /// </summary>
    internal static string ResolveContentPath(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(Path.Combine(contentRoot, configured));
        }

        string[] candidates =
        [
            Path.Combine(contentRoot, "content"),
            Path.Combine(AppContext.BaseDirectory, "content"),
            Path.Combine(contentRoot, "..", "..", "content"),
        ];
        return Path.GetFullPath(candidates.FirstOrDefault(Directory.Exists) ?? candidates[0]);
    }
}
