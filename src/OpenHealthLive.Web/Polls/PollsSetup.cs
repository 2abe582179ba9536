using OpenHealthLive.Core.Polls;
using OpenHealthLive.Core.Sessions;

namespace OpenHealthLive.Web.Polls;

internal static class PollsSetup
{
    public static WebApplicationBuilder AddPolls(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PollsOptions>().BindConfiguration(PollsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PollBroadcaster>();
        builder.Services.AddSingleton<IPollNotifier>(services => services.GetRequiredService<PollBroadcaster>());
        builder.Services.AddHostedService(services => services.GetRequiredService<PollBroadcaster>());
        builder.Services.AddSingleton<PollService>();
        // A slide's auto-open polls open when the talk reaches it, whatever moved it.
        builder.Services.AddSingleton<ISlideFollower>(services => services.GetRequiredService<PollService>());
        return builder;
    }
}
