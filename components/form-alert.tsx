/** A form-level message. role="alert" makes screen readers announce it as soon as it appears. */
export function FormAlert({ message, tone = "error" }: { message?: string | null; tone?: "error" | "success" }) {
  if (!message) return null;
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`alert alert-${tone}`}>
      {message}
    </div>
  );
}
