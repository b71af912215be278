// Placeholder until the screen lands.
export default function NewProjectPage() {
  return <div>NewProjectPage</div>;
}
