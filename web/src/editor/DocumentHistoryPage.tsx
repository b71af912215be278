// Placeholder until the screen lands.
export default function DocumentHistoryPage() {
  return <div>DocumentHistoryPage</div>;
}
