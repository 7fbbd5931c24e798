using Xunit;

using AmlRbac.Model;

namespace AmlRbac.Tests.Model;

/// <summary>The one order of outcomes (<see cref="OutcomeOrder"/>): who wins among grants, among controls that must all pass, and how who-can sorts.</summary>
public sealed class OutcomeOrderTests
{
    // Written out by hand, weakest first: the order the product documents.
    private static readonly Outcome[] WeakestFirst =
        { Outcome.Denied, Outcome.NotGranted, Outcome.Eligible, Outcome.Conditional, Outcome.Unknown, Outcome.Allowed };

    [Fact]
    public void Every_outcome_has_a_place_and_the_places_are_the_documented_order()
    {
        Assert.Equal(Enum.GetValues<Outcome>().Order(), WeakestFirst.Order());
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5 }, WeakestFirst.Select(OutcomeOrder.Rank));
    }

    [Fact]
    public void Strongest_first_sorts_allowed_first_and_denied_last_whatever_the_enum_values()
    {
        var shuffled = new[] { Outcome.Eligible, Outcome.Allowed, Outcome.Denied, Outcome.Unknown, Outcome.NotGranted, Outcome.Conditional };

        Assert.Equal(WeakestFirst.Reverse(), shuffled.OrderBy(o => o, OutcomeOrder.StrongestFirst));
    }

    [Theory]
    [InlineData(Outcome.Allowed, Outcome.Conditional, Outcome.Allowed)]
    [InlineData(Outcome.Conditional, Outcome.Eligible, Outcome.Conditional)]
    [InlineData(Outcome.Eligible, Outcome.NotGranted, Outcome.Eligible)]
    [InlineData(Outcome.NotGranted, Outcome.Allowed, Outcome.Allowed)]
    [InlineData(Outcome.Eligible, Outcome.Eligible, Outcome.Eligible)]
    public void Among_grants_the_stronger_wins_either_way_round(Outcome a, Outcome b, Outcome stronger)
    {
        Assert.Equal(stronger, OutcomeOrder.Stronger(a, b));
        Assert.Equal(stronger, OutcomeOrder.Stronger(b, a));
    }

    [Theory]
    [InlineData(Outcome.Allowed, Outcome.Denied, Outcome.Denied)]
    [InlineData(Outcome.NotGranted, Outcome.Denied, Outcome.Denied)]
    [InlineData(Outcome.Conditional, Outcome.NotGranted, Outcome.NotGranted)]
    [InlineData(Outcome.Eligible, Outcome.Conditional, Outcome.Eligible)]
    [InlineData(Outcome.Allowed, Outcome.Unknown, Outcome.Unknown)]
    [InlineData(Outcome.Conditional, Outcome.Unknown, Outcome.Conditional)]
    [InlineData(Outcome.NotGranted, Outcome.Unknown, Outcome.NotGranted)]
    public void Among_controls_that_must_all_pass_the_weaker_wins_either_way_round(Outcome a, Outcome b, Outcome weaker)
    {
        Assert.Equal(weaker, OutcomeOrder.Weaker(a, b));
        Assert.Equal(weaker, OutcomeOrder.Weaker(b, a));
    }

    [Fact]
    public void The_weakest_of_several_is_the_one_nearest_denied_and_of_none_is_allowed()
    {
        Assert.Equal(Outcome.NotGranted, OutcomeOrder.Weakest(new[] { Outcome.Allowed, Outcome.Conditional, Outcome.NotGranted, Outcome.Eligible }));
        Assert.Equal(Outcome.Denied, OutcomeOrder.Weakest(new[] { Outcome.Denied, Outcome.Allowed }));
        Assert.Equal(Outcome.Unknown, OutcomeOrder.Weakest(new[] { Outcome.Allowed, Outcome.Unknown }));
        Assert.Equal(Outcome.Allowed, OutcomeOrder.Weakest(Array.Empty<Outcome>()));
    }

    [Fact]
    public void A_value_outside_the_enum_is_refused_not_ranked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OutcomeOrder.Rank((Outcome)42));
    }
}
