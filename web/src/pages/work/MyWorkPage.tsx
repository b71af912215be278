// Placeholder until the screen lands.
export default function MyWorkPage() {
  return <div>MyWorkPage</div>;
}
