using OpenHealthLive.Web.Tests.Infrastructure;

namespace OpenHealthLive.Web.Tests.Questions;

public sealed class QuestionPersistenceTests
{
    [Fact]
    public async Task A_restart_loses_no_acknowledged_question_or_vote()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ohl-qna-restart-").FullName;
        try
        {
            var acknowledged = new List<(long Id, string Text)>();
            using (var first = new OpenHealthLiveFactory(dataDirectory))
            {
                first.Settings["AudienceLimits:QuestionsPerDevicePerMinute"] = "100";
                await using var phones = new AsyncDisposableList();
                for (var p = 0; p < 4; p++)
                {
                    var phone = phones.Add(await QnaClient.PhoneAsync(first));
                    for (var q = 0; q < 5; q++)
                    {
                        var text = $"Phone {p} question {q}?";
                        acknowledged.Add(((await phone.AskAsync(text)).QuestionId, text));
                    }
                }

                foreach (var phone in phones.Items)
                {
                    await phone.VoteAsync(acknowledged[0].Id);
                }
            }

            using var second = new OpenHealthLiveFactory(dataDirectory);
            await using var presenter = await QnaClient.PresenterAsync(second);
            var stored = (await presenter.ModerationQueueAsync()).Questions;
            Assert.Equal(acknowledged.Count, stored.Count);
            Assert.All(acknowledged, a => Assert.Contains(stored, s => s.Id == a.Id && s.Text == a.Text));
            Assert.Equal(4, stored.Single(s => s.Id == acknowledged[0].Id).Votes);
        }
        finally
        {
            OpenHealthLiveFactory.DeleteDataDirectory(dataDirectory);
        }
    }

    private sealed class AsyncDisposableList : IAsyncDisposable
    {
        public List<QnaClient> Items { get; } = [];

        public QnaClient Add(QnaClient item)
        {
            Items.Add(item);
            return item;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var item in Items)
            {
                await item.DisposeAsync();
            }
        }
    }
}
