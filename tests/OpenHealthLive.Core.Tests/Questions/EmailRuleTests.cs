using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Core.Tests.Questions;

public sealed class EmailRuleTests
{
    [Theory]
    [InlineData("Her GP is jane.doe@nhs.net, can I send the scan?")]
    [InlineData("Write to j.smith@gstt.nhs.uk for the images")]
    [InlineData("JOHN+fetal@Example.co.uk asked the same")]
    [InlineData("a_b-c@sub.domain.org")]
    [InlineData("The mum, mum2024@gmail.com, wants a copy")]
    [InlineData("Contact me at x.y@ucl.ac.uk.")]
    [InlineData("<p.smith@hospital.org>")]
    [InlineData("email:anne@clinic.london")]
    [InlineData("Is first.last@nhs.scot the right address?")]
    [InlineData("ｊａｎｅ＠ｎｈｓ．ｎｅｔ wrote to me")]
    [InlineData("jane\u200B@nhs.net wrote to me")]
    [InlineData("Forward to 123@numbers.io")]
    [InlineData("Send it to o.brien%ward@trust.nhs.uk")]
    [InlineData("ALL.CAPS@HOSPITAL.NHS.UK")]
    [InlineData("two: a@b.co and c@d.co")]
    public void An_email_address_is_caught(string question)
    {
        Assert.Contains(GuardRules.Email, Guard.Rules(question));
    }

    [Theory]
    [InlineData("Thanks @presenter, great talk!")]
    [InlineData("Can you email me the slides?")]
    [InlineData("Is the image@2x.png asset the retina one?")]
    [InlineData("Does it run as user@localhost?")]
    [InlineData("a@b")]
    [InlineData("foo@bar.c")]
    [InlineData("email@")]
    [InlineData("@nhs.net is the domain we use")]
    [InlineData("The @MONAI team did great work")]
    [InlineData("Meet at 3pm @ the poster")]
    [InlineData("Score was 4 @ 20 weeks")]
    [InlineData("Is the scan@10.5 threshold right?")]
    [InlineData("Tag it #fetal @ucl on social media")]
    [InlineData("What is the ratio of A:B at 12,400 images?")]
    [InlineData("... @ ...")]
    public void Mentions_and_at_signs_that_are_not_addresses_are_not_caught(string question)
    {
        Assert.DoesNotContain(GuardRules.Email, Guard.Rules(question));
    }

    [Fact]
    public void The_reason_shows_only_the_top_level_domain()
    {
        var finding = Guard.Finding(Guard.Default, "jane.doe@nhs.net", GuardRules.Email);

        Assert.Equal("an e-mail address (…@….net)", finding.Reason);
    }
}
