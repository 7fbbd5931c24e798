using AmlRbac.Catalog;

namespace AmlRbac.Questions;

/// <summary>How an effective-access listing is broken down: one answer per catalog operation, or per catalog activity.</summary>
public enum EffectiveAccessBy
{
    Operation,
    Activity,
}
