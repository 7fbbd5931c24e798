using Xunit;
using static AmlRbac.Tests.Policy.RuleHarness;

using AmlRbac.Policy;

namespace AmlRbac.Tests.Policy;

/// <summary>Every condition operator of [RULE], logical operators, and what cannot be evaluated.</summary>
public sealed class RuleOperatorTests
{
    private const string Request = """
        { "name": "Cluster-01", "count": 5, "flag": true, "nothing": null, "when": "2024-03-01",
          "tags": { "CostCenter": "42" }, "list": ["a", "b"] }
        """;

    [Theory]
    // equals / notEquals: strings case-insensitive [RULE]; booleans equal their text (the built-ins write both [POL]; inference).
    [InlineData("""{ "field": "name", "equals": "cluster-01" }""", true)]
    [InlineData("""{ "field": "name", "equals": "cluster-02" }""", false)]
    [InlineData("""{ "field": "name", "notEquals": "CLUSTER-01" }""", false)]
    [InlineData("""{ "field": "flag", "equals": "True" }""", true)]
    [InlineData("""{ "field": "flag", "notEquals": true }""", false)]
    [InlineData("""{ "field": "count", "equals": 5 }""", true)]
    // in / notIn, and the key written "notin" as 12e5dd16 does.
    [InlineData("""{ "field": "name", "in": ["x", "CLUSTER-01"] }""", true)]
    [InlineData("""{ "field": "name", "notIn": ["x", "CLUSTER-01"] }""", false)]
    [InlineData("""{ "field": "name", "notin": ["x"] }""", true)]
    [InlineData("""{ "field": "name", "IN": ["cluster-01"] }""", true)]
    // like / notLike: one '*', case-insensitive.
    [InlineData("""{ "field": "name", "like": "cluster-*" }""", true)]
    [InlineData("""{ "field": "name", "like": "*-01" }""", true)]
    [InlineData("""{ "field": "name", "like": "cluster-01" }""", true)]
    [InlineData("""{ "field": "name", "like": "node-*" }""", false)]
    [InlineData("""{ "field": "name", "notLike": "node-*" }""", true)]
    // contains / notContains: case-insensitive substring.
    [InlineData("""{ "field": "name", "contains": "TER-0" }""", true)]
    [InlineData("""{ "field": "name", "notContains": "node" }""", true)]
    // containsKey / notContainsKey.
    [InlineData("""{ "field": "tags", "containsKey": "costcenter" }""", true)]
    [InlineData("""{ "field": "tags", "notContainsKey": "owner" }""", true)]
    // match (case-sensitive; # digit, ? letter, . any) and the insensitive forms.
    [InlineData("""{ "field": "name", "match": "???????-##" }""", true)]
    [InlineData("""{ "field": "name", "match": "cluster-##" }""", false)]
    [InlineData("""{ "field": "name", "matchInsensitively": "cluster-##" }""", true)]
    [InlineData("""{ "field": "name", "notMatch": "Cluster-.." }""", false)]
    [InlineData("""{ "field": "name", "notMatchInsensitively": "CLUSTER-##" }""", false)]
    [InlineData("""{ "field": "name", "match": "Cluster-0" }""", false)]
    // less / lessOrEquals / greater / greaterOrEquals on numbers and strings (dates).
    [InlineData("""{ "field": "count", "less": 6 }""", true)]
    [InlineData("""{ "field": "count", "lessOrEquals": 5 }""", true)]
    [InlineData("""{ "field": "count", "greater": 5 }""", false)]
    [InlineData("""{ "field": "count", "greaterOrEquals": 5 }""", true)]
    [InlineData("""{ "field": "when", "greater": "2023-12-31" }""", true)]
    // exists takes a bool or its text (built-ins write both).
    [InlineData("""{ "field": "name", "exists": true }""", true)]
    [InlineData("""{ "field": "owner", "exists": "false" }""", true)]
    [InlineData("""{ "field": "nothing", "exists": true }""", true)]
    // A missing field is null: equal to nothing, in no list, like nothing ([ARRAYS]; inference).
    [InlineData("""{ "field": "owner", "equals": "" }""", false)]
    [InlineData("""{ "field": "owner", "notIn": ["a"] }""", true)]
    [InlineData("""{ "field": "owner", "like": "*" }""", false)]
    [InlineData("""{ "field": "owner", "contains": "a" }""", false)]
    // value conditions.
    [InlineData("""{ "value": "abc", "equals": "ABC" }""", true)]
    [InlineData("""{ "value": 3, "less": 4 }""", true)]
    public void Operator(string condition, bool expected)
    {
        Assert.Equal(expected ? Truth.True : Truth.False, Holds(condition, Request));
    }

    [Fact]
    public void Logical_operators_combine_conditions()
    {
        Assert.Equal(Truth.True, Holds("""{ "allOf": [ { "value": 1, "equals": 1 }, { "not": { "value": 1, "equals": 2 } } ] }"""));
        Assert.Equal(Truth.False, Holds("""{ "allOf": [ { "value": 1, "equals": 1 }, { "value": 1, "equals": 2 } ] }"""));
        Assert.Equal(Truth.True, Holds("""{ "anyOf": [ { "value": 1, "equals": 2 }, { "value": 1, "equals": 1 } ] }"""));
        Assert.Equal(Truth.False, Holds("""{ "anyOf": [ { "value": 1, "equals": 2 } ] }"""));
        Assert.Equal(Truth.True, Holds("""{ "ALLOF": [ { "NOT": { "value": 1, "equals": 2 } } ] }"""));
    }

    [Fact]
    public void A_field_array_alias_holds_only_if_every_member_does()
    {
        const string members = """{ "rules[*]": [ { "port": "22" }, { "port": "443" } ] }""";

        Assert.Equal(Truth.True, Holds("""{ "field": "rules[*].port", "in": ["22", "443"] }""", members));
        Assert.Equal(Truth.False, Holds("""{ "field": "rules[*].port", "equals": "22" }""", members));
    }

    [Fact]
    public void Field_and_value_counts_compare_the_number_of_matching_members()
    {
        const string members = """{ "rules[*]": [ { "port": "22" }, { "port": "443" }, { "port": "22" } ] }""";

        Assert.Equal(Truth.True, Holds("""{ "count": { "field": "rules[*]", "where": { "field": "rules[*].port", "equals": "22" } }, "equals": 2 }""", members));
        Assert.Equal(Truth.True, Holds("""{ "count": { "field": "rules[*]" }, "greater": 2 }""", members));
        Assert.Equal(Truth.True, Holds("""{ "count": { "field": "missing[*]" }, "equals": 0 }""", members));
        Assert.Equal(Truth.True, Holds("""{ "count": { "value": ["a", "bb", "ccc"], "name": "s", "where": { "value": "[length(current('s'))]", "greater": 1 } }, "equals": 2 }"""));
        Assert.Equal(Truth.True, Holds("""{ "count": { "value": ["x", "y"], "where": { "value": "[current()]", "equals": "Y" } }, "equals": 1 }"""));
    }

    [Fact]
    public void An_unsupported_operator_is_unknown_and_carries_the_clause()
    {
        var result = Condition("""{ "field": "name", "startsWith": "c" }""", Request);

        Assert.Equal(Truth.Unknown, result.Truth);
        Assert.Equal("if", result.Clause.Path);
        Assert.Equal("""{"field":"name","startsWith":"c"}""", result.Clause.Text);
        Assert.Equal("cannot be evaluated: the operator 'startsWith' is not supported by AmlRbac.", result.Clause.Detail);
    }

    [Theory]
    [InlineData("""{ "field": "name", "like": "c*r*" }""", "more than one '*'")]
    [InlineData("""{ "field": "name", "contains": "c*" }""", "holds '*'")]
    [InlineData("""{ "field": "count", "less": "six" }""", "the types differ")]
    [InlineData("""{ "field": "name", "in": "cluster-01" }""", "'in' needs an array")]
    [InlineData("""{ "field": "name", "equals": "a", "notEquals": "b" }""", "exactly one operator")]
    [InlineData("""{ "value": "a", "exists": true }""", "exists tests a field")]
    public void Conditions_azure_rejects_are_unknown(string condition, string reason)
    {
        var result = Condition(condition, Request);

        Assert.Equal(Truth.Unknown, result.Truth);
        Assert.Contains(reason, result.Clause.Detail);
    }

    [Fact]
    public void An_unknown_field_is_unknown_unless_another_clause_decides()
    {
        Assert.Equal(Truth.Unknown, Holds("""{ "field": "publisher", "equals": "Meta" }""", "{}", "{}", "publisher"));
        Assert.Equal(Truth.False, Holds("""{ "allOf": [ { "field": "publisher", "equals": "Meta" }, { "value": 1, "equals": 2 } ] }""", "{}", "{}", "publisher"));
        Assert.Equal(Truth.True, Holds("""{ "anyOf": [ { "field": "publisher", "equals": "Meta" }, { "value": 1, "equals": 1 } ] }""", "{}", "{}", "publisher"));
        Assert.Equal(Truth.Unknown, Holds("""{ "not": { "field": "publisher", "exists": true } }""", "{}", "{}", "publisher"));
    }

    [Fact]
    public void In_and_not_in_an_empty_list_do_not_need_the_value()
    {
        Assert.Equal(Truth.True, Holds("""{ "field": "publisher", "notIn": [] }""", "{}", "{}", "publisher"));
        Assert.Equal(Truth.False, Holds("""{ "field": "publisher", "in": "[parameters('none')]" }""", "{}", """{ "none": [] }""", "publisher"));
    }

    [Fact]
    public void A_count_with_unknown_members_is_decided_when_the_range_agrees()
    {
        const string condition = """{ "count": { "value": ["a", "b"], "name": "v", "where": { "field": "publisher", "equals": "[current('v')]" } }, "OPERATOR": 5 }""";

        Assert.Equal(Truth.True, Holds(condition.Replace("OPERATOR", "less"), "{}", "{}", "publisher"));
        Assert.Equal(Truth.Unknown, Holds(condition.Replace("OPERATOR", "equals").Replace("5", "0"), "{}", "{}", "publisher"));
    }
}
