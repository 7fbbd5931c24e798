namespace AmlRbac.Posture;

/// <summary>A posture rule's result for one workspace. The names are a contract: scripts filter on them.</summary>
public enum PostureResult
{
    /// <summary>The setting is as the rule recommends (for compute rules: on every compute it applies to).</summary>
    Pass,
    /// <summary>The setting is not as recommended (on at least one compute, for compute rules).</summary>
    Fail,
    /// <summary>The rule does not apply: no compute of its kind, no private endpoint, public access left on (image build compute).</summary>
    NotApplicable,
    /// <summary>The source lacks what the rule reads: a section it did not list, an object without its properties.</summary>
    Unknown,
}
