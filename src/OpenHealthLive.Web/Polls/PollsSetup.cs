using OpenHealthLive.Core.Polls;

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
        return builder;
    }
}
