using OrderEngine.Runtime.Invocation;

namespace OrderEngine.Runtime.Reminders;

/// <summary>The call the reminder service makes: <see cref="IRemindable.ReceiveReminder"/> on the grain.</summary>
internal sealed class ReminderRequest : GrainRequest<VoidResult>
{
    public static readonly GrainMethod Descriptor = new(
        typeof(IRemindable), nameof(IRemindable.ReceiveReminder), [typeof(string), typeof(TickStatus)], typeof(VoidResult), GrainMethodFlags.None, static () => new ReminderRequest());

    public string ReminderName { get; set; } = string.Empty;

    public TickStatus Status { get; set; }

    public override GrainMethod Method => Descriptor;

    public override object? GetArgument(int index) => index switch
    {
        0 => ReminderName,
        1 => Status,
        _ => throw BadArgumentIndex(index),
    };

    public override void SetArgument(int index, object? value)
    {
        switch (index)
        {
            case 0:
                ReminderName = (string)value!;
                break;
            case 1:
                Status = (TickStatus)value!;
                break;
            default:
                throw BadArgumentIndex(index);
        }
    }

    public override ValueTask<VoidResult> InvokeAsync(object grain) =>
        GrainInvoke.FromTask(((IRemindable)grain).ReceiveReminder(ReminderName, Status));
}
