using Microsoft.Extensions.Options;
using OpenHealthLive.Core.Privacy;
using OpenHealthLive.Core.Rehearsals;

namespace OpenHealthLive.Web.Privacy;

internal static class PrivacySetup
{
    public static WebApplicationBuilder AddPrivacy(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PrivacyOptions>()
            .BindConfiguration(PrivacyOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<PrivacyOptions>>().Value;
            return new RetentionPolicy(TimeSpan.FromDays(options.RetentionDays), TimeSpan.FromDays(options.EndIdleTalksAfterDays));
        });
        builder.Services.AddSingleton<ISessionStatusNotifier, SessionStatusBroadcaster>();
        builder.Services.AddSingleton<AudienceDataService>();
        builder.Services.AddSingleton<RehearsalService>();
        builder.Services.AddHostedService<RetentionService>();
        return builder;
    }

    public static WebApplication MapPrivacy(this WebApplication app)
    {
        app.MapPost("/j/{code}/forget-me", ForgetMeEndpoint.ForgetAsync);
        return app;
    }
}
