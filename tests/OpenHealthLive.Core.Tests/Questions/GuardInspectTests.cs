using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Core.Tests.Questions;

/// <summary>
/// A question and its author's name read on their own and together: what is counted once, what is masked where, and
/// when the reading without a space between them is still needed.
/// </summary>
public sealed class GuardInspectTests
{
    [Theory]
    [InlineData("DOB 03/04/1961 is this ok?", "Ann", "a date of birth after “DOB” (year 1961)")]
    [InlineData("born 03/04/1961, is this ok?", "x", "a date of birth after “born” (year 1961)")]
    [InlineData("Seen 03/04/1961 in clinic", "Dr Ann Lee", "a full date that could be a date of birth (year 1961)")]
    public void A_date_in_a_question_with_a_name_is_one_date_however_often_it_is_read(string text, string author, string reason)
    {
        var finding = Assert.Single(Guard.Default.Inspect(text, author).Findings);

        Assert.Equal(reason, finding.Reason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Ann")]
    public void Two_dates_are_counted_as_two(string? author)
    {
        var finding = Assert.Single(Guard.Default.Inspect("DOB 03/04/1961, her sister 05/06/1962", author).Findings);

        Assert.Equal("a date of birth after “DOB” (year 1961), and 1 more", finding.Reason);
    }

    [Fact]
    public void The_same_date_written_twice_is_one_date()
    {
        var finding = Assert.Single(Guard.Default.Check("Seen 03/04/1961, or was it 03/04/1961?"));

        Assert.Equal("a full date that could be a date of birth (year 1961)", finding.Reason);
    }

    [Theory]
    [InlineData("DOB 03/04/1961 07700 900123", "[date of birth …1961] [phone number ending …123]")]
    [InlineData("born 03-04-1961 020 7946 0018", "[date of birth …1961] [phone number ending …018]")]
    [InlineData("Seen 03/04/1961 07700 900123", "Seen [date …1961] [phone number ending …123]")]
    [InlineData("DOB 3.4.61 07700 900123", "[date of birth …61] [phone number ending …123]")]
    public void A_phone_number_right_after_a_date_is_found_too(string typed, string masked)
    {
        var guarded = Guard.Default.Mask(typed);

        Assert.Equal(masked, guarded.Text);
        Assert.Equal([GuardRules.DateOfBirth, GuardRules.Phone], guarded.Findings.Select(f => f.Rule));
    }

    [Theory]
    [InlineData("943/476/5919 jane.doe", "[NHS number ending …919] [e-mail at …net]")]
    [InlineData("Dr 943/476/5919 jane.doe", "Dr [NHS number ending …919] [e-mail at …net]")]
    public void An_identifier_inside_the_name_does_not_stop_the_reading_without_a_space(string author, string maskedAuthor)
    {
        // Read with a space, the name's NHS number is found but nothing across the two; only the reading without a
        // space joins "jane.doe" and "@nhs.net".
        var guarded = Guard.Default.Inspect("@nhs.net wrote to me", author);

        Assert.Equal((maskedAuthor, "[e-mail at …net] wrote to me"), (guarded.Author, guarded.Text));
        Assert.Equal([GuardRules.NhsNumber, GuardRules.Email], guarded.Findings.Select(f => f.Rule));
    }

    [Fact]
    public void An_identifier_starting_where_the_question_starts_is_masked_in_the_question_only()
    {
        var guarded = Guard.Default.Inspect("943 476 5919 is it?", "Ann:");

        Assert.Equal(("Ann:", "[NHS number ending …919] is it?"), (guarded.Author!, guarded.Text));
    }

    [Fact]
    public void An_identifier_in_the_name_that_the_joined_reading_does_not_see_is_still_a_finding()
    {
        // Joined, the date is followed by a unit ("03/04/1961 kg"), which makes it a measurement, not a date.
        Assert.Empty(Guard.Default.Check("03/04/1961 kg is her weight?"));

        var guarded = Guard.Default.Inspect("kg is her weight?", "03/04/1961");

        Assert.True(guarded.Held);
        Assert.Equal(GuardRules.DateOfBirth, Assert.Single(guarded.Findings).Rule);
        Assert.Equal("[date …1961]", guarded.Author);
    }
}
