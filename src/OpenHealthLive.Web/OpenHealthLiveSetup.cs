using OpenHealthLive.Web.Api;
using OpenHealthLive.Web.Archive;
using OpenHealthLive.Web.Captions;
using OpenHealthLive.Web.Decks;
using OpenHealthLive.Web.Devices;
using OpenHealthLive.Web.Infrastructure;
using OpenHealthLive.Web.Join;
using OpenHealthLive.Web.Live;
using OpenHealthLive.Web.Localization;
using OpenHealthLive.Web.Pen;
using OpenHealthLive.Web.Polls;
using OpenHealthLive.Web.Presenter;
using OpenHealthLive.Web.Privacy;
using OpenHealthLive.Web.Questions;
using OpenHealthLive.Web.Rooms;
using OpenHealthLive.Web.Storage;

namespace OpenHealthLive.Web;

/// <summary>The table of contents of the app: every feature registers and maps itself here.</summary>
public static class OpenHealthLiveSetup
{
    /// <summary>Registers every service the app needs.</summary>
    public static WebApplicationBuilder AddOpenHealthLive(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ContentRoot.RequireSettings(builder.Environment);

        // Serve wwwroot and the npm-restored libraries from a build (not only a publish) in every environment:
        // tests, the bench harness and `dotnet bin/.../OpenHealthLive.Web.dll` run builds outside Development.
        // A published app has no static-web-assets manifest, so this is a no-op there.
        builder.WebHost.UseStaticWebAssets();

        // Storage: SQLite in the data directory, migrated at start-up
        builder.AddStorage();

        // The one writer that batches the audience's writes (questions, votes, captions)
        builder.AddBatchWriter();

        // Devices: the signed device cookie that write limits and "forget me" are keyed on
        builder.Services.AddDevices();

        // Rooms: reaching a talk's followers on every node, and the audience's write allowances
        builder.AddRooms();

        // Decks: Markdown under content/, rendered once and cached
        builder.AddDecks();

        // Live: sessions, the SignalR hub, audience counts
        builder.AddLive();

        // Questions: ask, upvote, moderate; the patient-data guard
        builder.AddQuestions();

        // Polls: declared in decks, answered on phones, counted live
        builder.AddPolls();

        // Captions: the caption console, phones' captions panel, the endpoint for captioning software
        builder.AddCaptions();

        // The pen: the speaker draws on the current slide; phones and the projector see it
        builder.AddPen();

        // Archive: the whole talk in one file, for staff at any time and for the room once it has ended
        builder.AddArchive();

        // Privacy: the notice's settings, ending and erasing talks, retention, "forget me on this phone"
        builder.AddPrivacy();

        // Presenter: key, cookie sign-in, authorisation
        builder.AddPresenter();

        // Join: join URLs reachable from phones, QR codes
        builder.Services.AddJoin();

        // Cross-cutting: security headers, rate limits, proxies, status pages
        builder.AddInfrastructure();

        // The audience pages in the phone's language (docs/languages.md)
        builder.Services.AddAudienceLocalization();

        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.ConfigureFilter(new StaffPageFilter());
            options.Conventions.AuthorizeFolder("/Presenter", PresenterAuthentication.Policy);
            options.Conventions.AllowAnonymousToPage("/Presenter/SignIn");
            options.Conventions.AllowAnonymousToPage("/Presenter/Join");
            options.Conventions.AuthorizeFolder("/Organiser", PresenterAuthentication.Policy);
        });

        return builder;
    }

    /// <summary>Adds the middleware and endpoints, in order.</summary>
    public static WebApplication MapOpenHealthLive(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseInfrastructure();
        app.UseAudienceLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseJoinCodeThrottle();

        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapLive();
        app.MapJoin();
        app.MapDeckMedia();
        app.MapQuestionExports();
        app.MapPollResults();
        app.MapPrivacy();
        app.MapSessionApi();
        app.MapCaptions();
        app.MapArchive();
        app.MapHealth();

        return app;
    }
}
