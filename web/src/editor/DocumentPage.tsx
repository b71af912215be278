// Placeholder until the screen lands.
export default function DocumentPage() {
  return <div>DocumentPage</div>;
}
