using Microsoft.Extensions.Options;
using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Web.Questions;

internal static class QuestionsSetup
{
    public static WebApplicationBuilder AddQuestions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<QuestionsOptions>()
            .BindConfiguration(QuestionsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(services =>
        {
            var options = new PatientDataGuardOptions();
            foreach (var word in services.GetRequiredService<IOptions<QuestionsOptions>>().Value.HeldWords.Where(w => !string.IsNullOrWhiteSpace(w)))
            {
                options.HeldWords.Add(word.Trim());
            }

            return new PatientDataGuard(options);
        });
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<QuestionsOptions>>().Value;
            return new QuestionLimits { MaxPerSession = options.MaxPerSession, MaxPerDevice = options.MaxPerDevice };
        });
        builder.Services.AddSingleton<QuestionCounter>();
        builder.Services.AddSingleton<QuestionBroadcaster>();
        builder.Services.AddSingleton<IQuestionNotifier>(services => services.GetRequiredService<QuestionBroadcaster>());
        builder.Services.AddHostedService(services => services.GetRequiredService<QuestionBroadcaster>());
        builder.Services.AddSingleton<DeviceBlocks>();
        builder.Services.AddSingleton<QuestionService>();
        return builder;
    }
}
