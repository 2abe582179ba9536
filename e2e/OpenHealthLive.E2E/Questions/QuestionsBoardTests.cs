using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenHealthLive.Core.Storage;
using OpenHealthLive.E2E.Infrastructure;
using OpenHealthLive.E2E.PageObjects;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.Questions;

/// <summary>The Q&amp;A board on a second projector, as the room reads it from the back.</summary>
[Collection(LiveAppCollectionDefinition.Name)]
public sealed class QuestionsBoardTests(LiveAppFixture app, BrowserFixture browser) : BrowserTest(browser), IClassFixture<BrowserFixture>
{
    private const string Answered = "Which licence would you recommend for a clinical dataset?";
    private const string Waiting = "Is the session recorded?";

    private AppServer Server => app.Server;

    [Fact]
    public Task The_board_carries_the_join_QR_code_and_the_votes_of_the_question_being_answered_as_they_come() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        var code = await presenter.StartSessionAsync(GettingStartedDeck.Slug);
        var joinUrl = await presenter.Page.Locator(".join-url").TextContentAsync();
        Assert.EndsWith($"/j/{code}", joinUrl, StringComparison.Ordinal);

        var boardPage = await presenter.Page.Context.NewPageAsync();
        await boardPage.SetViewportSizeAsync(1280, 720);
        var (board, _) = await QuestionsBoardPage.OpenAsync(boardPage, code);

        // A phone at the back scans the board itself: the QR code carries the join address, the code is written too.
        Assert.Equal(joinUrl!.ToUpperInvariant(), await QrCode.ReadAsync(board.JoinQrCode));
        await Expect(board.JoinCode).ToHaveTextAsync(code);

        var phones = new List<AudiencePage>();
        for (var i = 0; i < 3; i++)
        {
            phones.Add(await AudiencePage.OpenAsync(await devices.NewPhoneAsync(Server.BaseUrl, $"phone-{i + 1}"), code));
        }

        await phones[0].AskAsync(Answered);
        await phones[1].AskAsync(Waiting);
        await presenter.ModerateAsync(Answered, "Answer now");
        await Expect(board.AnsweringText).ToHaveTextAsync(Answered);
        await Expect(board.AnsweringVotes).ToHaveTextAsync("0");

        // Votes that come in while it is answered count on its card, live.
        for (var voter = 1; voter <= 2; voter++)
        {
            await phones[voter].OpenQuestionsAsync();
            await phones[voter].UpvoteButton(Answered).ClickAsync();
            await Expect(board.AnsweringVotes).ToHaveTextAsync(voter.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // Readable from the back of the room on a 1280×720 projector: the questions at least 1/24 of the screen's
        // height, the one being answered at least 1/18.
        await Expect(board.QuestionTexts).ToHaveTextAsync([Waiting]);
        Assert.True(await FontSizeAsync(board.QuestionTexts.First) >= 720 / 24.0, $"A question on the board is {await FontSizeAsync(board.QuestionTexts.First)} px high.");
        Assert.True(await FontSizeAsync(board.AnsweringText) >= 720 / 18.0, $"The question being answered is {await FontSizeAsync(board.AnsweringText)} px high.");
    });

    [Fact]
    public Task Long_questions_that_do_not_fit_are_left_off_whole_never_cut_at_the_bottom_of_the_screen() => RunAsync(async devices =>
    {
        var presenter = await PresenterPage.SignInAsync(await devices.NewDesktopAsync(Server.BaseUrl));
        var code = await presenter.StartSessionAsync(GettingStartedDeck.Slug);
        // Six long questions, straight into the database (asking them is not what this test is about).
        static string Text(int i) => $"Question {i}: " + string.Join(' ', Enumerable.Repeat("how would the model behave on scans from another hospital's older machines", 3));
        await using (var db = await Server.Services.GetRequiredService<IDbContextFactory<LiveDbContext>>().CreateDbContextAsync())
        {
            db.Questions.AddRange(Enumerable.Range(1, 6).Select(i => new QuestionRecord
            {
                SessionCode = code,
                DeviceHash = $"seeded-{i}",
                ClientId = $"seeded-{i}",
                Text = Text(i),
                Votes = 10 - i,
                CreatedAt = DateTimeOffset.UtcNow.AddMinutes(i - 10),
            }));
            await db.SaveChangesAsync();
        }

        var boardPage = await presenter.Page.Context.NewPageAsync();
        await boardPage.SetViewportSizeAsync(1280, 720);
        var (board, _) = await QuestionsBoardPage.OpenAsync(boardPage, code);
        await Expect(board.QuestionTexts).ToHaveCountAsync(6);
        await Expect(board.QuestionTexts.First).ToBeVisibleAsync();

        // What is shown is whole and on the screen; the most-voted come first.
        var shown = await board.List.EvaluateAsync<double[][]>(
            "(list) => [...list.children].filter((li) => li.checkVisibility()).map((li) => [li.getBoundingClientRect().bottom, list.getBoundingClientRect().bottom])");
        Assert.InRange(shown.Length, 1, 5);
        Assert.All(shown, item => Assert.True(item[0] <= item[1] + 1 && item[0] <= 720, $"A question ends at {item[0]} px, below the list ({item[1]} px) or the screen."));
        await Expect(board.QuestionTexts.First).ToContainTextAsync("Question 1:");
    });

    private static Task<double> FontSizeAsync(ILocator text) => text.EvaluateAsync<double>("(e) => parseFloat(getComputedStyle(e).fontSize)");
}
