// Placeholder until the screen lands.
export default function ProjectPage() {
  return <div>ProjectPage</div>;
}
