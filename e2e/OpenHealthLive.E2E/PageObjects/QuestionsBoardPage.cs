using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OpenHealthLive.E2E.PageObjects;

/// <summary>The Q&amp;A board (<c>/presenter/{code}/questions-board</c>): the top questions and the one being answered, for the projector.</summary>
public sealed class QuestionsBoardPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Main => Page.GetByRole(AriaRole.Main);

    public ILocator List => Page.GetByRole(AriaRole.List, new() { Name = "Top questions" });

    public ILocator QuestionTexts => List.Locator(".question-text");

    /// <summary>The question being answered.</summary>
    public ILocator AnsweringNow => Page.Locator("#answering-now");

    public ILocator AnsweringText => AnsweringNow.Locator(".answering-text");

    /// <summary>The number of votes of the question being answered.</summary>
    public ILocator AnsweringVotes => AnsweringNow.Locator(".answering-votes .count");

    /// <summary>The join QR code beside the questions.</summary>
    public ILocator JoinQrCode => Page.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("^QR code for ") });

    /// <summary>The session's code, written beside the QR code for those who type it.</summary>
    public ILocator JoinCode => Page.Locator(".board-join-code strong");

    /// <summary>Opens the board in a page whose context is signed in as the presenter; returns the page's response.</summary>
    public static async Task<(QuestionsBoardPage Board, IResponse? Response)> OpenAsync(IPage page, string code)
    {
        ArgumentNullException.ThrowIfNull(page);
        var response = await page.GotoAsync($"/presenter/{code}/questions-board");
        var board = new QuestionsBoardPage(page);
        await Expect(board.Main).ToHaveAttributeAsync("data-connection", "live");
        return (board, response);
    }
}
