import { redirect } from "next/navigation";

// The portal has one home: the account page (which sends anonymous visitors to sign in).
export default function Home() {
  redirect("/account");
}
